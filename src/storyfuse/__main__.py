from storyfuse.cli import main

raise SystemExit(main())
