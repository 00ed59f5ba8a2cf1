# Packaging targets, included by the Makefile (`include packaging/packaging.mk`).
#   make bundle             one-folder standalone app in dist/recipe-manager/ (PyInstaller)
#   make bundle-smoke       build it, then start it off screen on a fresh home folder
#   make install-desktop    Linux: menu launcher + icon in $XDG_DATA_HOME for the installed
#                           recipe-manager (or DESKTOP_EXEC=/path/to/program)
#   make uninstall-desktop  Linux: remove them again
# The desktop targets need only python3, so they also work alone: make -f packaging/packaging.mk

PYTHON ?= python3
VENV ?= .venv
BIN ?= $(VENV)/bin
PYINSTALLER_REQUIREMENT := pyinstaller>=6.10,<7
BUNDLE_DIR := dist/recipe-manager
DESKTOP_EXEC ?=

.PHONY: bundle bundle-smoke install-desktop uninstall-desktop

bundle: $(VENV)/.installed-bundle
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/recipe-manager.spec
	@echo "Built $(BUNDLE_DIR)/: start $(BUNDLE_DIR)/recipe-manager"

bundle-smoke: bundle $(VENV)/.installed-test
	RECIPE_MANAGER_BUNDLE="$(CURDIR)/$(BUNDLE_DIR)" $(BIN)/python -m pytest -p no:cacheprovider \
		tests/test_install.py -k bundle

install-desktop:
	$(PYTHON) packaging/install_desktop.py install $(if $(DESKTOP_EXEC),--exec "$(DESKTOP_EXEC)")

uninstall-desktop:
	$(PYTHON) packaging/install_desktop.py uninstall

$(VENV)/.installed-bundle: $(VENV)/.installed-app
	$(BIN)/python -m pip install --quiet "$(PYINSTALLER_REQUIREMENT)"
	touch $@
