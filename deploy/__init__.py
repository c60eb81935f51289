"""Running the app as several replicas behind a load balancer (see cluster.py)."""
