"""What of the reviews pages show (wego/pagecache): only the reviewers and staff ever see them."""

from wego.pagecache import content

content.declare_personal(
    "reviews",
    "reviews.Scorecard",
    "reviews.Criterion",
    "reviews.Assignment",
    "reviews.Review",
    "reviews.Score",
)
