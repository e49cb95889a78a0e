using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project bench/WorkProgramme.Benchmarks -- --filter '*'
// In process, so the repository's build rules (warnings as errors) never meet a generated project; a short job is enough
// to see the order of magnitude on a shared machine.
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(WorkProgramme.Benchmarks.AnnexExportBenchmarks).Assembly).Run(args, config);
