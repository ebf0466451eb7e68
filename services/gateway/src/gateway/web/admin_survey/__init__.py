"""Admin SKM pages: periods and questionnaires, recap, report, paper entry and import, archive."""
