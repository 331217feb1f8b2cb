from kontenopd.cli import run

run()
