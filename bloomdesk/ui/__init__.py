"""The Qt face of the Desk: thin widgets and item models over core events."""
