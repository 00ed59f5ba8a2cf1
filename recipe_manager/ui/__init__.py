"""The Qt layer: widgets, item models and dialogs; it asks the layers below and owns no data."""
