"""The 网格设置 page: the street's communities, compounds, buildings and grids, and the cadres who hold them."""
