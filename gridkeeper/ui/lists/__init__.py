"""The Lists page (four lists, claim workflow) and property company supervision."""
