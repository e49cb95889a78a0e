namespace WorkProgramme.Testing;

public static class Repository
{
    /// <summary>The checkout the tests were built from (the folder holding WorkProgramme.slnx).</summary>
    public static string Root { get; } = Find();

    private static string Find()
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
