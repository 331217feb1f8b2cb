"""Photos and logos: safe decoding of untrusted image files, the decoded-photo cache and framing,
picking the best photos of a batch.
"""
