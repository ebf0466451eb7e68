"""UKM / Koperasi pages: choose or register a business, its detail, edit, products, admin views."""
