namespace Upt.DevInfra;

/// <summary>Reads the end of a log file that another process may still be writing.</summary>
public static class LogTail
{
    /// <summary>The last <paramref name="lines"/> lines of <paramref name="path"/>, or a note when it cannot be read.</summary>
    public static string Read(string path, int lines = 40)
    {
        try
        {
            // Shared read: the child process keeps the file open for writing.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            const int maxBytes = 64 * 1024;
            if (stream.Length > maxBytes)
            {
                stream.Seek(-maxBytes, SeekOrigin.End);
            }

            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines + 1)).TrimEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"(cannot read {path}: {ex.Message})";
        }
    }
}
