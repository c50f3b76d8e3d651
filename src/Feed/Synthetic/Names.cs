namespace Upt.Feed.Synthetic;

/// <summary>Small vocabularies for synthetic travellers; all values pass UPT's field rules (no forbidden characters).</summary>
internal static class Names
{
    public static readonly string[] First = ["Ana", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe"];
    public static readonly string[] Last = ["Alvarez", "Brown", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lopez", "Müller", "Nakamura", "O'Brien", "Patel", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Weber", "Young", "Zhang"];
    public static readonly string[] Cities = ["Lisbon", "Madrid", "Paris", "Berlin", "Oslo", "Boston", "Denver", "Austin", "Toronto", "Lima", "Tokyo", "Seoul"];
    public static readonly string[] Streets = ["Main St", "Harbour Road", "Rua Augusta", "Calle Mayor", "Elm Avenue", "Kings Way", "Park Lane", "Lake Drive"];
    public static readonly string[] Countries = ["PT", "ES", "FR", "DE", "NO", "US", "CA", "PE", "JP", "KR"];
    public static readonly string[] Languages = ["pt", "es", "fr", "de", "no", "en", "ja", "ko"];
    public static readonly string[] Airports = ["LIS", "MAD", "CDG", "FRA", "OSL", "BOS", "DEN", "AUS", "YYZ", "LIM", "NRT", "ICN"];
    public static readonly string[] HotelCodes = ["LIS01", "MAD02", "PAR03", "BER04", "OSL05", "BOS06", "DEN07", "TOK08"];
    public static readonly string[] Companies = ["Acme Travel", "Northwind", "Globex", "Initech", "Umbrella Corp", ""];
    public static readonly string[] JobTitles = ["Engineer", "Director", "Analyst", "Nurse", "Teacher", "Consultant"];
    public static readonly string[] Honorifics = ["Mr", "Ms", "Mx", "Dr", ""];
    public static readonly string[] Genders = ["female", "male", "other"];
    public static readonly string[] EventTypes = ["login", "search_flight", "search_destination", "view_product", "select_seat", "start_booking", "confirm_booking", "logout"];
    public static readonly string[] Channels = ["web", "mobile", "call_center", "ota"];
    public static readonly string[] Sentiments = ["POSITIVE", "NEUTRAL", "NEGATIVE"];
    public static readonly string[] RoomTypes = ["DBL", "KNG", "SUITE", "TWN"];
    public static readonly string[] RatePlans = ["BAR", "SUPER_SAVER", "CORP", "AAA"];
}
