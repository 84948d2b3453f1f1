"""Beside the flow, the batch: every resume in a folder against one posting, each file isolated.

walk -> plan -> pool (or Dask) -> task (the scanner's one flow, then a written report) -> summary.
"""
