from gridkeeper.cli import main

raise SystemExit(main())
