"""Files from and for other machines: the .kontenopd draft file, the profile file, spreadsheets,
finished images, the one atomic writer.
"""
