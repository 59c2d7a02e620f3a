"""Requests for information under the Law on Access to Information (104/2016/QH13 Art. 23–31):
the online form and API, the law's clocks in working days, staff handling per agency, the public
register and each agency's figures. The requester's identity stays with the agency's staff."""
