using System.Reflection;
using System.Xml.Linq;
using WorkProgramme.Documents.Diff;

namespace WorkProgramme.Documents.Tests;

public sealed class ProjectBoundaryFacts
{
    private static readonly Assembly Documents = typeof(TextDiff).Assembly;

    [Fact]
    public void The_document_formats_reference_neither_the_database_nor_the_use_cases()
    {
        var names = Documents.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("WorkProgramme.Domain", names);
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Npgsql", StringComparison.Ordinal));
        Assert.DoesNotContain("WorkProgramme.Application", names);
    }

    [Fact]
    public void The_project_file_references_only_the_domain_and_the_document_libraries()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "WorkProgramme.Documents", "WorkProgramme.Documents.csproj"));
        var references = project.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .Concat(project.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["DiffPlex", "DocumentFormat.OpenXml", "WorkProgramme.Domain"], references);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WorkProgramme.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("WorkProgramme.slnx not found above " + AppContext.BaseDirectory);
    }
}
