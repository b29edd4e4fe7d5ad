from teams.access import profile_of


def role(request):
    """The signed-in user's role, for the navigation, and whether their data is synthetic."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_role": None, "user_profile": None, "synthetic_data": False}
    profile = profile_of(user)
    # The profile comes with its municipality: the warning costs no query.
    synthetic = profile is not None and profile.municipality.is_synthetic
    if user.is_superuser:
        return {"user_role": "staff", "user_profile": profile, "is_superuser": True,
                "synthetic_data": synthetic}
    return {"user_role": profile.role if profile else None, "user_profile": profile,
            "synthetic_data": synthetic}
