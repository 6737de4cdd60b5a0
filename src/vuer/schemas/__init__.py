"""Scene and HTML components: ``from vuer.schemas import Scene, Box, PointCloud``.

Every class of the public ``vuer`` API (see the shared components table) is
importable from here and from its public module name (``html_components``,
``material_components``, ``scene_components``, ``drei_components``,
``physics_components``, ``vuer_components``).
"""

from vuer.schemas.drei_components import *  # noqa: F403
from vuer.schemas.drei_components import __all__ as _drei
from vuer.schemas.html_components import *  # noqa: F403
from vuer.schemas.html_components import __all__ as _html
from vuer.schemas.material_components import *  # noqa: F403
from vuer.schemas.material_components import __all__ as _materials
from vuer.schemas.physics_components import *  # noqa: F403
from vuer.schemas.physics_components import __all__ as _physics
from vuer.schemas.scene_components import *  # noqa: F403
from vuer.schemas.scene_components import __all__ as _scene
from vuer.schemas.vuer_components import *  # noqa: F403
from vuer.schemas.vuer_components import __all__ as _vuer

__all__ = sorted({*_html, *_materials, *_scene, *_drei, *_physics, *_vuer})
