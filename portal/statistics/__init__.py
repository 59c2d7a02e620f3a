"""Public statistics of procedure processing (issue 18): processing records imported from the
one-stop-shop systems, pre-aggregated by month, turned into the national index's indicators on a
public dashboard, an API and a badge on each procedure page."""
