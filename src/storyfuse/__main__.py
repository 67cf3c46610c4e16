from storyfuse.cli import main

# Guarded: worker processes (Dask's LocalCluster) re-import the main module.
if __name__ == "__main__":
    raise SystemExit(main())
