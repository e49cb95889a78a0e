using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/WorkProgramme.Benchmarks -- --filter '*'   (add --job short for a quick run)
BenchmarkSwitcher.FromAssembly(typeof(WorkProgramme.Benchmarks.AnnexExportBenchmarks).Assembly).Run(args);
