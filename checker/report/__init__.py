"""Report writers: JSON, text, line (editor), CSV and HTML."""
