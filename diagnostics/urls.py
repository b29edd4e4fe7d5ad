urlpatterns = [
    # Deficits, rounds and diagnoses.
    # School indicators, staffing, needs and offers.
    # Excel imports and exports.
]
