from django.urls import path

from ..views import implementation, tenders
from ..views import implementer as views
from ..views import implementer_review as reviewing

urlpatterns = [
    path("", views.programme, name="implementer"),
    path("<int:year>/", views.call, name="implementer-call"),
    path("<int:year>/guidelines/", views.guidelines, name="implementer-guidelines"),
    path("<int:year>/propose/", views.start, name="implementer-start"),
    path("<int:key>/reviewers/", reviewing.reviewing, name="implementer-reviewing"),
    path("<int:key>/reviewers/assign/", reviewing.assign, name="implementer-assign"),
    path("<int:key>/reviewers/draw/", reviewing.draw, name="implementer-draw"),
    path("<int:key>/ranking/", reviewing.ranking, name="implementer-ranking"),
    path("proposals/<int:pk>/", views.proposal_page, name="proposal"),
    path("proposals/<int:pk>/continue/", views.continue_proposal, name="proposal-continue"),
    path("proposals/<int:pk>/edit/<slug:step>/", views.step, name="proposal-step"),
    path("proposals/<int:pk>/review/", views.review, name="proposal-review"),
    path("proposals/<int:pk>/step/", views.take_step_view, name="proposal-transition"),
    path("proposals/<int:pk>/messages/", views.post_message, name="proposal-message"),
    path(
        "proposals/<int:pk>/messages/<int:message>/attachment/",
        views.message_attachment,
        name="proposal-message-attachment",
    ),
    path("proposals/<int:pk>/letter/", views.letter, name="proposal-letter"),
    path("projects/<int:pk>/", implementation.project, name="implementer-project"),
    path(
        "projects/<int:pk>/milestones/<int:milestone>/upload/", implementation.upload, name="milestone-upload"
    ),
    path(
        "projects/<int:pk>/milestones/<int:milestone>/step/",
        implementation.milestone_step,
        name="milestone-transition",
    ),
    path(
        "projects/<int:pk>/milestones/<int:milestone>/deliverable/",
        implementation.deliverable,
        name="milestone-deliverable",
    ),
    path("projects/<int:pk>/reports/<int:report>/", implementation.send_report, name="report-send"),
    path("projects/<int:pk>/reports/<int:report>/file/", implementation.report_file, name="report-file"),
    path("projects/<int:pk>/plan/", implementation.save_plan, name="project-plan"),
    path(
        "projects/<int:pk>/indicators/<int:indicator>/readings/",
        implementation.record_reading,
        name="project-reading",
    ),
    path("tenders/", tenders.tenders, name="tenders"),
    path("tenders/<int:pk>/", tenders.tender, name="tender"),
    path("tenders/<int:key>/reviewers/", reviewing.tender_reviewing, name="tender-reviewing"),
    path("tenders/<int:key>/reviewers/assign/", reviewing.tender_assign, name="tender-assign"),
    path("tenders/<int:key>/reviewers/draw/", reviewing.tender_draw, name="tender-draw"),
    path("tenders/<int:key>/ranking/", reviewing.tender_ranking, name="tender-ranking"),
    path("tenders/<int:pk>/bid/", tenders.save_bid, name="tender-bid"),
    path("tenders/<int:pk>/bid/documents/", tenders.add_document, name="tender-bid-document-add"),
    path("tenders/<int:pk>/bid/documents/<int:document>/", tenders.bid_document, name="tender-bid-document"),
    path("tenders/<int:pk>/documents/<int:document>/", tenders.tender_document, name="tender-document"),
    path(
        "tenders/<int:pk>/bids/<int:bid>/documents/<int:document>/",
        tenders.any_bid_document,
        name="bid-document",
    ),
]
