"""The app's screens, one module each (imported on first use to keep start-up fast)."""
