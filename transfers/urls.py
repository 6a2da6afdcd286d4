from django.urls import path

from . import feeds, views

app_name = "transfers"
urlpatterns = [
    path("angebote/", views.OfferListView.as_view(), name="offers"),
    path("angebote/feed/", feeds.OfferFeed(), name="offers_feed"),
    path("angebote/<int:pk>/", views.OfferDetailView.as_view(), name="offer"),
    path("angebote/<int:pk>/interesse/", views.InterestCreateView.as_view(), name="interest_create"),
    path("gesuche/", views.RequestListView.as_view(), name="requests"),
    path("gesuche/feed/", feeds.RequestFeed(), name="requests_feed"),
    path("gesuche/neu/", views.RequestCreateView.as_view(), name="request_create"),
    path("gesuche/<slug:slug>/", views.RequestDetailView.as_view(), name="request"),
    path("gesuche/<slug:slug>/angebot-anfragen/<int:project_pk>/", views.OfferAskView.as_view(), name="offer_ask"),
    path("gesuche/<slug:slug>/schliessen/", views.RequestCloseView.as_view(), name="request_close"),
    path("meine/", views.MyTransfersView.as_view(), name="mine"),
    path("interessen/<int:pk>/", views.InterestDetailView.as_view(), name="interest"),
    path("interessen/<int:pk>/schritt/", views.InterestStepView.as_view(), name="interest_step"),
    path("interessen/<int:pk>/plan/", views.PlanView.as_view(), name="plan"),
    path("interessen/<int:pk>/plan/drucken/", views.PlanPrintView.as_view(), name="plan_print"),
    path("meilensteine/<int:pk>/erledigt/", views.MilestoneDoneView.as_view(), name="milestone_done"),
    path("bilanz/", views.LedgerView.as_view(), name="ledger"),
    path("bilanz/export.csv", views.LedgerCsvView.as_view(), name="ledger_csv"),
    path("benachrichtigungen/", views.NotificationListView.as_view(), name="notifications"),
    path("suchauftraege/", views.SavedSearchListView.as_view(), name="saved_searches"),
    path(
        "suchauftraege/abbestellen/<str:token>/",
        views.SavedSearchUnsubscribeView.as_view(),
        name="saved_search_unsubscribe",
    ),
    path("folgen/<str:kind>/<int:pk>/", views.FollowToggleView.as_view(), name="follow"),
]
