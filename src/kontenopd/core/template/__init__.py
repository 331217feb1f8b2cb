"""Templates: the template file format and its library, the sandbox for template expressions, the
role of each field (headline, settings kept day to day, hashtags).
"""
