from sergebib.cli import main

main()
