"""Start the recipe manager from a checkout: `python main.py --help`."""

import sys

from recipe_manager.app import main

if __name__ == "__main__":
    sys.exit(main())
