"""Search quality measured per query family, on queries generated from the loaded corpus.

`families` builds the query sets (number look-ups in every spoken form, everyday procedure
names, long legal questions), each split into a tuning half and a held-out half;
`runner` sends them through the search API and, beside it, Wagtail's database search.
"""
