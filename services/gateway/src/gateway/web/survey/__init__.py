"""Participant and public survey pages: the SKM, the app survey, the public link and the published IKM."""
