using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Application.Features.Documents;

/// <summary>A document as it is handed over: its bytes, type and file name.</summary>
public sealed record CachedDocument(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Built documents on disk, one file per document and state of the record (docs/decisions/0038). The folder
/// (<c>Documents:CacheFolder</c>, by default <c>document-cache</c> beside the SQLite database or in the app's data folder)
/// may be shared by several instances: a file is written under a temporary name, flushed, then renamed, and it ends with
/// a trailer (length, SHA-256, mark), so a file cut short by a killed process or a full disk is never served, only
/// rebuilt. A new record state is a new key: the same document's older files go when the new one is written, and the
/// folder is kept under <c>Documents:CacheMegabytes</c> (oldest first).
/// </summary>
public sealed class DocumentCache
{
    /// <summary>How long a temporary or outdated file may stay: another instance may still be writing it, or reading a stamp a second old.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    private const string Extension = ".doc";
    private const string TemporaryExtension = ".tmp";
    private static readonly byte[] Mark = "WPDOC\u0001\r\n"u8.ToArray();
    private const int TrailerLength = 4 + 8 + 32 + 8;

    private long hits;
    private long writes;

    public DocumentCache(IConfiguration configuration, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        var configured = configuration["Documents:CacheFolder"];
        Folder = string.IsNullOrWhiteSpace(configured) ? DefaultFolder(database) : Path.GetFullPath(configured);
        MaxBytes = Math.Max(1, configuration.GetValue("Documents:CacheMegabytes", 1024L)) * 1024 * 1024;
    }

    public string Folder { get; }

    public long MaxBytes { get; }

    /// <summary>Documents served from the folder since start.</summary>
    public long Hits => Interlocked.Read(ref hits);

    /// <summary>Documents written to the folder since start.</summary>
    public long Writes => Interlocked.Read(ref writes);

    /// <summary>Beside the SQLite file (the app's data folder); for a server database, the default SQLite file's folder.</summary>
    private static string DefaultFolder(DatabaseOptions database)
    {
        var dataFolder = Path.GetDirectoryName(DatabaseOptions.DefaultSqlitePath)!;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var source = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            if (!string.IsNullOrWhiteSpace(source) && source != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(source)) is { Length: > 0 } folder)
            {
                dataFolder = folder;
            }
        }

        return Path.Combine(dataFolder, "document-cache");
    }

    /// <summary>The file a document is kept in for one state of the record: the document's hash, then the state's.</summary>
    public string PathOf(string document, string stamp) => Path.Combine(Folder, $"{Hash(document, 32)}.{Hash(stamp, 16)}{Extension}");

    /// <summary>The document, or null when it was not built for this state (or its file is unfinished or damaged).</summary>
    public CachedDocument? Read(string document, string stamp)
    {
        var path = PathOf(document, stamp);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (Decode(bytes) is not { } cached)
        {
            // Cut short or damaged: rebuilt and replaced by the caller's write.
            TryDelete(path);
            return null;
        }

        Interlocked.Increment(ref hits);
        return cached;
    }

    /// <summary>Keeps the document for this state. A failure to write (full disk, no rights) costs a rebuild later, never the download.</summary>
    public bool Write(string document, string stamp, CachedDocument file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = PathOf(document, stamp);
        var temporary = $"{path}.{Guid.NewGuid():N}{TemporaryExtension}";
        try
        {
            Directory.CreateDirectory(Folder);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encode(file));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            Interlocked.Increment(ref writes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return false;
        }

        try
        {
            Sweep(Path.GetFileName(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The folder changed under the sweep (another instance sweeping): the next write sweeps again.
        }

        return true;
    }

    /// <summary>
    /// Removes the same document's files of older states, temporary and outdated files left longer than <see cref="Grace"/>,
    /// and then the oldest files while the folder is over its size.
    /// </summary>
    private void Sweep(string written)
    {
        var document = written[..written.IndexOf('.', StringComparison.Ordinal)];
        var now = DateTime.UtcNow;
        var kept = new List<FileInfo>();
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            try
            {
                var old = now - file.LastWriteTimeUtc > Grace;
                var sameDocument = file.Name.StartsWith(document + ".", StringComparison.Ordinal);
                if (file.Name.EndsWith(TemporaryExtension, StringComparison.Ordinal))
                {
                    if (old)
                    {
                        file.Delete();
                    }
                }
                else if (sameDocument && file.Name != written)
                {
                    file.Delete();
                }
                else
                {
                    kept.Add(file);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another instance removed or holds it: its own sweep deals with it.
            }
        }

        var total = kept.Sum(f => f.Length);
        foreach (var file in kept.Where(f => f.Name != written).OrderBy(f => f.LastWriteTimeUtc))
        {
            if (total <= MaxBytes)
            {
                break;
            }

            total -= file.Length;
            TryDelete(file.FullName);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Gone already, or held by a reader on another instance: the next sweep removes it.
        }
    }

    /// <summary>The content, then the type and name, then the trailer: names' length, content's length, SHA-256 of both, mark.</summary>
    internal static byte[] Encode(CachedDocument file)
    {
        var names = Encoding.UTF8.GetBytes(file.ContentType + "\n" + file.FileName);
        var bytes = new byte[file.Content.Length + names.Length + TrailerLength];
        file.Content.CopyTo(bytes, 0);
        names.CopyTo(bytes, file.Content.Length);
        var trailer = bytes.AsSpan(file.Content.Length + names.Length);
        BinaryPrimitives.WriteInt32LittleEndian(trailer, names.Length);
        BinaryPrimitives.WriteInt64LittleEndian(trailer[4..], file.Content.Length);
        SHA256.HashData(bytes.AsSpan(0, file.Content.Length + names.Length), trailer[12..]);
        Mark.CopyTo(trailer[44..]);
        return bytes;
    }

    internal static CachedDocument? Decode(byte[] bytes)
    {
        if (bytes.Length < TrailerLength || !bytes.AsSpan(bytes.Length - Mark.Length).SequenceEqual(Mark))
        {
            return null;
        }

        var trailer = bytes.AsSpan(bytes.Length - TrailerLength);
        var namesLength = BinaryPrimitives.ReadInt32LittleEndian(trailer);
        var contentLength = BinaryPrimitives.ReadInt64LittleEndian(trailer[4..]);
        if (namesLength < 0 || contentLength < 0 || contentLength + namesLength + TrailerLength != bytes.Length)
        {
            return null;
        }

        var body = bytes.AsSpan(0, (int)contentLength + namesLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(trailer.Slice(12, 32)))
        {
            return null;
        }

        var names = Encoding.UTF8.GetString(body[(int)contentLength..]).Split('\n', 2);
        return names.Length == 2 ? new CachedDocument(body[..(int)contentLength].ToArray(), names[0], names[1]) : null;
    }

    private static string Hash(string text, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length];
}
