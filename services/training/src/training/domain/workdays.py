"""Working days of the service standard (moved to `balai_platform.workdays`, shared with survey)."""
from balai_platform.workdays import overdue_until, working_day, working_days_waited

__all__ = ["overdue_until", "working_day", "working_days_waited"]
