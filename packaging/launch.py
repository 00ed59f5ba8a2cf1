"""The bundle's entry point: the same `main` that the installed `recipe-manager` command runs."""

import sys

from recipe_manager.app import main

if __name__ == "__main__":
    sys.exit(main())
