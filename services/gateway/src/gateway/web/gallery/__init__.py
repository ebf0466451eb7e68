"""The public E-Dukasi product gallery (no login, cacheable)."""
