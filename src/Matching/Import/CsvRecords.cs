using System.Text;

namespace Upt.Matching.Import;

/// <summary>
/// Splits RFC 4180 CSV into records: comma-separated, fields optionally in double quotes (<c>""</c> for a quote), a
/// quoted field may span lines. Blank lines are skipped. A malformed record is returned with its error, not dropped.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var start = lineNumber;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;      // the current field is a quoted one
            var inQuotes = false;    // inside its quotes
            var afterQuote = false;  // its closing quote was seen
            string? error = null;
            var i = 0;
            while (error is null)
            {
                if (i == line.Length)
                {
                    if (!inQuotes)
                    {
                        break;
                    }

                    if (reader.ReadLine() is not { } next)
                    {
                        error = "a quoted field is not closed before the end of the file";
                        break;
                    }

                    lineNumber++;
                    field.Append('\n');
                    line = next;
                    i = 0;
                    continue;
                }

                var c = line[i++];
                if (inQuotes)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i < line.Length && line[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else if (c == ',')
                {
                    fields.Add(quoted ? field.ToString() : field.ToString().Trim());
                    field.Clear();
                    quoted = afterQuote = false;
                }
                else if (afterQuote)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        error = $"text after the closing quote of column {fields.Count + 1}";
                    }
                }
                else if (c == '"' && field.ToString().Trim().Length == 0)
                {
                    field.Clear();
                    quoted = inQuotes = true;
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(quoted ? field.ToString() : field.ToString().Trim());
            yield return error is null ? new CsvRecord(start, fields, null) : new CsvRecord(start, [], error);
        }
    }
}
