using System.Text.Json.Nodes;
using Upt.Transforms.Records;

namespace Upt.Transforms.Objects;

/// <summary>The output lists of one transform, keyed and ordered as UPT emits them.</summary>
internal sealed class RecordLists
{
    private readonly IReadOnlyList<string> _keys;
    private readonly List<JsonObject>[] _lists;

    public RecordLists(string objectType)
    {
        _keys = BusinessObjectTypes.GroupKeys(objectType);
        _lists = new List<JsonObject>[_keys.Count];
        for (var i = 0; i < _lists.Length; i++)
        {
            _lists[i] = [];
        }
    }

    public List<JsonObject> this[string key]
    {
        get
        {
            for (var i = 0; i < _keys.Count; i++)
            {
                if (string.Equals(_keys[i], key, StringComparison.Ordinal))
                {
                    return _lists[i];
                }
            }

            throw new ArgumentOutOfRangeException(nameof(key), key, "not a group of this object type");
        }
    }

    public IReadOnlyList<RecordGroup> ToGroups()
    {
        var groups = new RecordGroup[_keys.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = new RecordGroup(_keys[i], _lists[i]);
        }

        return groups;
    }
}
