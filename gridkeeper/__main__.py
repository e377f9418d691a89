from gridkeeper import console
from gridkeeper.cli import main

console.attach()  # the Windows bundle's GUI executable: print where it was started from
raise SystemExit(main())
