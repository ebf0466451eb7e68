"""Pieces several web areas use (service clients, file proxying, photos, paging); the areas
themselves never import each other (an import-linter contract)."""
