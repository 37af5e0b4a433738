"""The Smart City Driver's domain actions, one module per part; the only place that changes its records."""
