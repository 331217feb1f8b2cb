"""Captions: composing a post's caption per platform, hashtag groups, X's character counting."""
