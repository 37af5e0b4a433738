"""Scoring, shared by every programme that judges submissions: the Project Implementer's proposals
and its tenders' bids, the WeGO Awards' entries, the Health Solution Challenge.

A scorecard (one per occasion: a call, a tender, an award category) names the criteria with their
weights and the scale; staff assign reviewers to the submissions it judges; a reviewer related to
the applicant is recused; a review scores every criterion and is tied to the version it judged;
the ranking weighs, compares and flags. The programme app owns the submissions and says which
scorecard judges them; it declares nothing else here.
"""
