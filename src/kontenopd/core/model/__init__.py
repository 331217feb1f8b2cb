"""The data a post is made of: records (profile, photo reference, draft), dates and money in
Indonesian, platform presets, colours. Imports nothing else of the core.
"""
