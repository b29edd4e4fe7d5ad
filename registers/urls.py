from django.urls import path

from registers import views

urlpatterns = [
    path("registers/bank/", views.bank_list, name="register_bank_list"),
    path("registers/bank/new/", views.bank_create, name="register_bank_create"),
    path("registers/bank/<int:pk>/", views.bank_detail, name="register_bank_detail"),
    path("registers/bank/<int:pk>/edit/", views.bank_edit, name="register_bank_edit"),
    path("registers/bank/<int:pk>/review/", views.bank_review, name="register_bank_review"),
    path("registers/bank/<int:pk>/file/", views.bank_file, name="register_bank_file"),
    path("registers/products/", views.product_list, name="register_product_list"),
    path("registers/products/new/", views.product_create, name="register_product_create"),
    path("registers/products/<int:pk>/", views.product_detail, name="register_product_detail"),
    path("registers/products/<int:pk>/edit/", views.product_edit,
         name="register_product_edit"),
    path("registers/products/<int:pk>/file/", views.product_file,
         name="register_product_file"),
    path("registers/normative/", views.document_list, name="register_document_list"),
    path("registers/normative/new/", views.document_create, name="register_document_create"),
    path("registers/normative/<int:pk>/", views.document_detail,
         name="register_document_detail"),
    path("registers/normative/<int:pk>/edit/", views.document_edit,
         name="register_document_edit"),
    path("registers/normative/<int:pk>/file/", views.document_file,
         name="register_document_file"),
    path("registers/programmes/<int:pk>/normative-base/", views.programme_citations,
         name="register_programme_citations"),
]
