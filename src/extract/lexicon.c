/*
 * lexicon.c - word lists consulted by the extraction layers.
 *
 * Every list is sorted (byte order of its lower-case or exact form) for
 * the reader, and looked up in a hash set built once from it (see find),
 * so a lookup is O(1) with no allocation.  The
 * system dictionary comes from dict_words.c, generated at build time by
 * gen_dict.py from Debian's wamerican word list.
 */
#include "extract/lexicon.h"
#include "text/text.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

extern const char *const ws_dict_word[];
extern const unsigned char ws_dict_flag[];
extern const size_t ws_dict_n;
extern const unsigned ws_dict_slot[];
extern const size_t ws_dict_mask;

/* Compares s[0..n) with the NUL-terminated w; fold lowers ASCII letters of
 * s first (w is lower case then). */
static int cmp(const char *s, size_t n, const char *w, int fold) {
  size_t i = 0;
  for (; i < n && w[i]; i++) {
    unsigned char a = (unsigned char)s[i], b = (unsigned char)w[i];
    if (fold && a >= 'A' && a <= 'Z')
      a = (unsigned char)(a + 32);
    if (a != b)
      return a < b ? -1 : 1;
  }
  if (i < n)
    return 1;
  return w[i] ? -1 : 0;
}

/* Hash sets over the lists.  Lookups run for most tokens of every
 * document (particles, nationalities, the facts of each word form), and
 * most of them miss: a bisection paid a byte compare per step, a hash set
 * with a low load factor mostly pays one hash and one empty slot.  Each
 * list gets a table of entry indices (plus one; 0 marks an empty slot),
 * sized to a power of two at least four times its length and carved from
 * one static pool; built once, on first use (pthread_once).  The lists
 * stay sorted for the reader, and the hash of a fold lookup lowers ASCII
 * letters as cmp() does, so the same entries match as before. */
typedef struct lexhash {
  const uint32_t *slot; /* entry index + 1, or 0 */
  uint32_t mask;        /* slots - 1 */
  uint32_t lens[256];   /* per first byte: bit min(length, 31) set when an
                           entry of that length starts with it */
} lexhash;

enum { POOL_SLOTS = 1u << 16 };
static uint32_t pool[POOL_SLOTS];
static size_t pool_used;

static pthread_once_t ix_once = PTHREAD_ONCE_INIT;
static atomic_int ix_ready; /* set last by ix_init: skips pthread_once */
static int ix_ok;           /* every list got its table (else: bisection) */
static void ix_init(void);


/* The eight bytes of w with ASCII capitals lowered (SWAR: a byte below
 * 0x80 between 'A' and 'Z' gets bit 5). */
static inline uint64_t lower8(uint64_t w) {
  const uint64_t ones = UINT64_C(0x0101010101010101);
  const uint64_t high = UINT64_C(0x8080808080808080);
  uint64_t x = w & ~high;
  uint64_t up = (x + ones * (0x80 - 'A')) & ~(x + ones * (0x80 - 'Z' - 1)) &
                ~w & high;
  return w | (up >> 2);
}

/* A hash of the bytes, ASCII letters lowered when fold; eight bytes a
 * step (multiply-xorshift). */
static uint32_t hash_bytes(const char *s, size_t n, int fold) {
  uint64_t h = (uint64_t)n * UINT64_C(0x9E3779B97F4A7C15);
  for (size_t i = 0; i < n; i += 8) {
    uint64_t w;
    if (n - i >= 8)
      memcpy(&w, s + i, 8);
    else
      w = ws_load_tail(s + i, n - i);
    if (fold)
      w = lower8(w);
    h = (h ^ w) * UINT64_C(0xBF58476D1CE4E5B9);
    h ^= h >> 31;
  }
  h *= UINT64_C(0x94D049BB133111EB);
  return (uint32_t)(h ^ (h >> 32));
}

static int ix_build(lexhash *ix, const void *list, size_t count,
                    size_t stride) {
  size_t cap = 16;
  while (cap < 4 * count)
    cap *= 2;
  if (cap > POOL_SLOTS - pool_used || count >= UINT32_MAX)
    return 0;
  uint32_t *slot = pool + pool_used;
  pool_used += cap;
  for (size_t i = 0; i < count; i++) {
    const char *w = *(const char *const *)((const char *)list + i * stride);
    size_t n = strlen(w);
    ix->lens[(unsigned char)w[0]] |= 1u << (n < 31 ? n : 31);
    size_t k = hash_bytes(w, n, 0) & (cap - 1);
    while (slot[k])
      k = (k + 1) & (cap - 1);
    slot[k] = (uint32_t)(i + 1);
  }
  ix->slot = slot;
  ix->mask = (uint32_t)(cap - 1);
  return 1;
}

/* The probe and the bisection of find(), out of line: find() itself is
 * small enough to inline where the first-byte filter decides. */
static long probe(const void *list, size_t stride, const lexhash *ix,
                  const char *s, size_t n, int fold) {
  for (size_t k = hash_bytes(s, n, fold) & ix->mask;; k = (k + 1) & ix->mask) {
    uint32_t v = ix->slot[k];
    if (v == 0)
      return -1;
    const char *w = *(const char *const *)((const char *)list + (v - 1) * stride);
    if (cmp(s, n, w, fold) == 0)
      return (long)(v - 1);
  }
}

static long bisect(const void *list, size_t count, size_t stride,
                   const char *s, size_t n, int fold) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *w = *(const char *const *)((const char *)list + mid * stride);
    int c = cmp(s, n, w, fold);
    if (c == 0)
      return (long)mid;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return -1;
}

/* Index of s[0..n) in the list (stride bytes between entries whose first
 * member is a const char *), or -1; fold lowers ASCII letters of s (the
 * entries are lower case then).  Every list holds distinct entries, so the
 * hash set and a bisection find the same one. */
static inline long find(const void *list, size_t count, size_t stride,
                        const lexhash *ix, const char *s, size_t n,
                        int fold) {
  if (!atomic_load_explicit(&ix_ready, memory_order_acquire))
    pthread_once(&ix_once, ix_init);
  if (!ix_ok)
    return bisect(list, count, stride, s, n, fold);
  /* most lookups miss, and most misses start with a byte no entry of that
   * length starts with: one load decides */
  if (n) {
    unsigned b = (unsigned char)s[0];
    if (fold && b - 'A' < 26u)
      b += 32;
    if (!(ix->lens[b] & (1u << (n < 31 ? n : 31))))
      return -1;
  }
  return probe(list, stride, ix, s, n, fold);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define IN(list, s, n, fold)                                                   \
  (find(list, COUNT(list), sizeof(list[0]), &list##_ix, s, n, fold) >= 0)

static lexhash nationalities_ix, countries_ix, title_heads_ix, title_mods_ix,
    honorifics_ix, descriptors_ix, org_words_ix, place_words_ix, particles_ix,
    date_words_ix, stopwords_ix, generations_ix, abbrevs_ix, learned_ix;

/* Drops one trailing '.' (Gov., Inc.). */
static size_t no_dot(const char *s, size_t n) {
  return n > 1 && s[n - 1] == '.' ? n - 1 : n;
}

typedef struct pair {
  const char *adj;     /* nationality adjective as written */
  const char *country; /* canonical country name */
} pair;

/* Nationality adjectives of countries, territories and regions (cf. the
 * CIA World Factbook's "Nationality" field).  Sorted by adjective. */
static const pair nationalities[] = {
    {"Afghan", "Afghanistan"},
    {"African", "Africa"},
    {"Albanian", "Albania"},
    {"Algerian", "Algeria"},
    {"American", "United States"},
    {"Angolan", "Angola"},
    {"Arab", "Arab League"},
    {"Argentine", "Argentina"},
    {"Argentinian", "Argentina"},
    {"Armenian", "Armenia"},
    {"Asian", "Asia"},
    {"Australian", "Australia"},
    {"Austrian", "Austria"},
    {"Azerbaijani", "Azerbaijan"},
    {"Bahraini", "Bahrain"},
    {"Bangladeshi", "Bangladesh"},
    {"Belarusian", "Belarus"},
    {"Belgian", "Belgium"},
    {"Bolivian", "Bolivia"},
    {"Bosnian", "Bosnia"},
    {"Brazilian", "Brazil"},
    {"British", "United Kingdom"},
    {"Briton", "United Kingdom"},
    {"Bulgarian", "Bulgaria"},
    {"Burmese", "Myanmar"},
    {"Burundian", "Burundi"},
    {"Cambodian", "Cambodia"},
    {"Cameroonian", "Cameroon"},
    {"Canadian", "Canada"},
    {"Chechen", "Chechnya"},
    {"Chilean", "Chile"},
    {"Chinese", "China"},
    {"Colombian", "Colombia"},
    {"Congolese", "Congo"},
    {"Croatian", "Croatia"},
    {"Cuban", "Cuba"},
    {"Cypriot", "Cyprus"},
    {"Czech", "Czech Republic"},
    {"Dane", "Denmark"},
    {"Danish", "Denmark"},
    {"Dutch", "Netherlands"},
    {"Dutchman", "Netherlands"},
    {"Dutchwoman", "Netherlands"},
    {"Ecuadorean", "Ecuador"},
    {"Ecuadorian", "Ecuador"},
    {"Egyptian", "Egypt"},
    {"Emirati", "United Arab Emirates"},
    {"English", "England"},
    {"Englishman", "England"},
    {"Englishwoman", "England"},
    {"Eritrean", "Eritrea"},
    {"Estonian", "Estonia"},
    {"Ethiopian", "Ethiopia"},
    {"European", "Europe"},
    {"Filipino", "Philippines"},
    {"Finn", "Finland"},
    {"Finnish", "Finland"},
    {"French", "France"},
    {"Frenchman", "France"},
    {"Frenchwoman", "France"},
    {"Georgian", "Georgia"},
    {"German", "Germany"},
    {"Ghanaian", "Ghana"},
    {"Greek", "Greece"},
    {"Guatemalan", "Guatemala"},
    {"Haitian", "Haiti"},
    {"Honduran", "Honduras"},
    {"Hungarian", "Hungary"},
    {"Icelandic", "Iceland"},
    {"Indian", "India"},
    {"Indonesian", "Indonesia"},
    {"Iranian", "Iran"},
    {"Iraqi", "Iraq"},
    {"Irish", "Ireland"},
    {"Irishman", "Ireland"},
    {"Israeli", "Israel"},
    {"Italian", "Italy"},
    {"Jamaican", "Jamaica"},
    {"Japanese", "Japan"},
    {"Jordanian", "Jordan"},
    {"Kazakh", "Kazakhstan"},
    {"Kenyan", "Kenya"},
    {"Korean", "Korea"},
    {"Kosovar", "Kosovo"},
    {"Kurdish", "Kurdistan"},
    {"Kuwaiti", "Kuwait"},
    {"Latvian", "Latvia"},
    {"Lebanese", "Lebanon"},
    {"Liberian", "Liberia"},
    {"Libyan", "Libya"},
    {"Lithuanian", "Lithuania"},
    {"Malaysian", "Malaysia"},
    {"Malian", "Mali"},
    {"Mexican", "Mexico"},
    {"Moldovan", "Moldova"},
    {"Mongolian", "Mongolia"},
    {"Moroccan", "Morocco"},
    {"Mozambican", "Mozambique"},
    {"Namibian", "Namibia"},
    {"Nepalese", "Nepal"},
    {"Nicaraguan", "Nicaragua"},
    {"Nigerian", "Nigeria"},
    {"Norwegian", "Norway"},
    {"Omani", "Oman"},
    {"Pakistani", "Pakistan"},
    {"Palestinian", "Palestine"},
    {"Panamanian", "Panama"},
    {"Paraguayan", "Paraguay"},
    {"Peruvian", "Peru"},
    {"Philippine", "Philippines"},
    {"Pole", "Poland"},
    {"Polish", "Poland"},
    {"Portuguese", "Portugal"},
    {"Qatari", "Qatar"},
    {"Romanian", "Romania"},
    {"Russian", "Russia"},
    {"Rwandan", "Rwanda"},
    {"Salvadoran", "El Salvador"},
    {"Saudi", "Saudi Arabia"},
    {"Scot", "Scotland"},
    {"Scotsman", "Scotland"},
    {"Scottish", "Scotland"},
    {"Senegalese", "Senegal"},
    {"Serb", "Serbia"},
    {"Serbian", "Serbia"},
    {"Sierra Leonean", "Sierra Leone"},
    {"Singaporean", "Singapore"},
    {"Slovak", "Slovakia"},
    {"Slovenian", "Slovenia"},
    {"Somali", "Somalia"},
    {"Soviet", "Soviet Union"},
    {"Spaniard", "Spain"},
    {"Spanish", "Spain"},
    {"Sudanese", "Sudan"},
    {"Swede", "Sweden"},
    {"Swedish", "Sweden"},
    {"Swiss", "Switzerland"},
    {"Syrian", "Syria"},
    {"Taiwanese", "Taiwan"},
    {"Tajik", "Tajikistan"},
    {"Tanzanian", "Tanzania"},
    {"Thai", "Thailand"},
    {"Tunisian", "Tunisia"},
    {"Turk", "Turkey"},
    {"Turkish", "Turkey"},
    {"Turkmen", "Turkmenistan"},
    {"Ugandan", "Uganda"},
    {"Ukrainian", "Ukraine"},
    {"Uruguayan", "Uruguay"},
    {"Uzbek", "Uzbekistan"},
    {"Venezuelan", "Venezuela"},
    {"Vietnamese", "Vietnam"},
    {"Welsh", "Wales"},
    {"Welshman", "Wales"},
    {"Yemeni", "Yemen"},
    {"Yugoslav", "Yugoslavia"},
    {"Zambian", "Zambia"},
    {"Zimbabwean", "Zimbabwe"},
};

const char *ws_lex_nationality_country(const char *s, size_t n) {
  long i = find(nationalities, COUNT(nationalities), sizeof(pair),
             &nationalities_ix, s, n, 0);
  /* plural demonyms: Palestinians, Iraqis */
  if (i < 0 && n > 3 && s[n - 1] == 's')
    i = find(nationalities, COUNT(nationalities), sizeof(pair),
             &nationalities_ix, s, n - 1, 0);
  return i >= 0 ? nationalities[i].country : NULL;
}

/* Countries, territories and regions: those of the adjective table and a
 * few more often written on their own, sorted. */
static const char *const countries[] = {
    "Afghanistan",    "Africa",
    "Albania",        "Algeria",
    "America",        "Angola",
    "Arab League",    "Argentina",
    "Armenia",        "Asia",
    "Australia",      "Austria",
    "Azerbaijan",     "Bahrain",
    "Bangladesh",     "Belarus",
    "Belgium",        "Bolivia",
    "Bosnia",         "Brazil",
    "Britain",        "Bulgaria",
    "Burundi",        "Cambodia",
    "Cameroon",       "Canada",
    "Chechnya",       "Chile",
    "China",          "Colombia",
    "Congo",          "Croatia",
    "Cuba",           "Cyprus",
    "Czech Republic", "Denmark",
    "Ecuador",        "Egypt",
    "El Salvador",    "England",
    "Eritrea",        "Estonia",
    "Ethiopia",       "Europe",
    "Finland",        "France",
    "Gaza",           "Georgia",
    "Germany",        "Ghana",
    "Greece",         "Guatemala",
    "Haiti",          "Holland",
    "Honduras",       "Hungary",
    "Iceland",        "India",
    "Indonesia",      "Iran",
    "Iraq",           "Ireland",
    "Israel",         "Italy",
    "Jamaica",        "Japan",
    "Jordan",         "Kazakhstan",
    "Kenya",          "Korea",
    "Kosovo",         "Kurdistan",
    "Kuwait",         "Latvia",
    "Lebanon",        "Liberia",
    "Libya",          "Lithuania",
    "Malaysia",       "Mali",
    "Mexico",         "Moldova",
    "Mongolia",       "Morocco",
    "Mozambique",     "Myanmar",
    "Namibia",        "Nepal",
    "Netherlands",    "Nicaragua",
    "Nigeria",        "Norway",
    "Oman",           "Pakistan",
    "Palestine",      "Panama",
    "Paraguay",       "Peru",
    "Philippines",    "Poland",
    "Portugal",       "Qatar",
    "Romania",        "Russia",
    "Rwanda",         "Saudi Arabia",
    "Scotland",       "Senegal",
    "Serbia",         "Sierra Leone",
    "Singapore",      "Slovakia",
    "Slovenia",       "Somalia",
    "Soviet Union",   "Spain",
    "Sudan",          "Sweden",
    "Switzerland",    "Syria",
    "Taiwan",         "Tajikistan",
    "Tanzania",       "Thailand",
    "Tunisia",        "Turkey",
    "Turkmenistan",   "Uganda",
    "Ukraine",        "United Arab Emirates",
    "United Kingdom", "United States",
    "Uruguay",        "Uzbekistan",
    "Venezuela",      "Vietnam",
    "Wales",          "West Bank",
    "Yemen",          "Yugoslavia",
    "Zambia",         "Zimbabwe",
};

int ws_lex_is_country(const char *s, size_t n) {
  return IN(countries, s, n, 0);
}

static int dict_exact(const char *s, size_t n);

/* British spellings the American list lacks (Oxford/Cambridge vs
 * Merriam-Webster): labour, organisation, defence, centre, analyse,
 * catalogue, travelled, programme.  One rewrite is tried at a time. */
static int british(const char *s, size_t n) {
  static const struct {
    const char *from, *to;
    uint8_t fl, tl; /* their lengths */
    int at_end;     /* the rewrite applies only to the end of the word */
  } rules[] = {
      {"our", "or", 3, 2, 0},         {"isation", "ization", 7, 7, 0},
      {"ise", "ize", 3, 3, 0},        {"ised", "ized", 4, 4, 1},
      {"ises", "izes", 4, 4, 1},      {"ising", "izing", 5, 5, 1},
      {"yse", "yze", 3, 3, 0},        {"ence", "ense", 4, 4, 1},
      {"tre", "ter", 3, 3, 1},        {"tres", "ters", 4, 4, 1},
      {"ogue", "og", 4, 2, 1},        {"lled", "led", 4, 3, 1},
      {"lling", "ling", 5, 4, 1},     {"mme", "m", 3, 1, 1},
  };
  /* the word lowered once (dict_exact ignores case anyway): each rule
   * then costs a byte compare per position, not a call */
  char low[64], buf[64];
  if (n < 4 || n + 4 > sizeof buf)
    return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned c = (unsigned char)s[i];
    low[i] = (char)(c - 'A' < 26u ? c + 32 : c);
  }
  for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
    size_t fl = rules[r].fl, tl = rules[r].tl;
    size_t first = rules[r].at_end ? n - (fl <= n ? fl : n) : 0;
    for (size_t i = first; i + fl <= n; i++) {
      if (low[i] != rules[r].from[0] || memcmp(low + i, rules[r].from, fl))
        continue;
      memcpy(buf, low, i);
      memcpy(buf + i, rules[r].to, tl);
      memcpy(buf + i + tl, low + i + fl, n - i - fl);
      int f = dict_exact(buf, n - fl + tl);
      if (f & WS_DICT_LOWER)
        return WS_DICT_LOWER;
    }
  }
  return 0;
}

int ws_lex_dict(const char *s, size_t n) {
  int f = dict_exact(s, n);
  return f ? f : british(s, n);
}

static int dict_exact(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch >= 'A' && ch <= 'Z')
      ch = (unsigned char)(ch + 32);
    h = (h ^ ch) * 16777619u;
  }
  for (size_t k = h & ws_dict_mask;; k = (k + 1) & ws_dict_mask) {
    unsigned v = ws_dict_slot[k];
    if (v == 0)
      return 0;
    if (cmp(s, n, ws_dict_word[v - 1], 1) == 0)
      return ws_dict_flag[v - 1];
  }
}

/* Titles and honorifics written before a name (AP Stylebook, "titles"),
 * lower case, sorted. */
static const char *const title_heads[] = {
    "adm", "admiral", "ambassador", "archbishop", "ayatollah", "bishop",
    "brig", "brigadier", "brigadier-general", "brother", "capt", "captain",
    "cardinal", "ceo", "cfo", "chair", "chairman", "chairwoman", "chancellor",
    "chaplain", "chief", "cmdr", "co-founder", "coach", "col", "colonel",
    "commander", "commissioner", "comptroller", "congressman",
    "congresswoman", "constable", "consul", "consul-general", "coo",
    "coordinator", "corporal", "cpl", "dean", "defender", "delegate",
    "deputy", "det", "director", "doctor", "emir", "emperor", "empress",
    "envoy", "executive", "father", "field-marshal", "founder", "gen",
    "goalkeeper", "gov", "governor", "governors", "head", "imam", "inspector",
    "judge", "king", "leader", "lieutenant", "lieutenant-colonel",
    "lieutenant-general", "lt", "magistrate", "maj", "major-general",
    "manager", "marshal", "mayor", "midfielder", "minister", "ministers",
    "monsignor", "mullah", "negotiator", "officer", "official", "ombudsman",
    "pastor", "patriarch", "pope", "premier", "president", "president-elect",
    "priest", "prince", "princess", "professor", "prosecutor", "queen",
    "rabbi", "rear-admiral", "rector", "rep", "representative",
    "representatives", "secretary", "secretary-general", "sen", "senator",
    "senators", "sergeant", "sgt", "shah", "sheikh", "sheriff", "sister",
    "speaker", "spokesman", "spokesperson", "spokeswoman", "striker",
    "sultan", "superintendent", "supt", "treasurer", "tsar",
    "under-secretary", "undersecretary", "vice-admiral", "vice-chairman",
    "vice-president",
};

static const char *const title_mods[] = {
    "acting", "agriculture", "army", "assistant", "attorney", "commerce",
    "crown", "culture", "defence", "defense", "economy", "education",
    "energy", "environment", "finance", "financial", "first", "foreign",
    "former", "general", "grand", "health", "home", "incoming", "industry",
    "interim", "interior", "justice", "labor", "labour", "majority",
    "managing", "minority", "outgoing", "police", "politburo", "prime",
    "senior", "staff", "state", "supreme", "trade", "transport", "treasury",
    "vice",
};

static const char *const honorifics[] = {
    "dame", "dr",  "lady", "lord", "madam", "madame",   "miss",
    "mr",   "mrs", "ms",   "prof", "rev",   "reverend", "sir",
};

int ws_lex_title(const char *s, size_t n) {
  n = no_dot(s, n);
  if (IN(honorifics, s, n, 1))
    return WS_TITLE_HONORIFIC;
  if (IN(title_heads, s, n, 1))
    return WS_TITLE_HEAD;
  if (IN(title_mods, s, n, 1))
    return WS_TITLE_MOD;
  return WS_TITLE_NONE;
}

/* Lower-case nouns that describe a person when written just before a
 * name (news and sports style: "striker Alan Shearer", "novelist Ana
 * Ruiz"); unlike titles they are never cut out of capitalised names. */
static const char *const descriptors[] = {
    "actor",         "actress",      "all-rounder",  "analyst",
    "artist",        "author",       "batsman",      "billionaire",
    "bowler",        "boxer",        "businessman",  "candidate",
    "catcher",       "centre",       "challenger",   "champion",
    "cleric",        "columnist",    "compatriot",   "composer",
    "correspondent", "countryman",   "cyclist",      "defender",
    "dissident",     "driver",       "economist",    "editor",
    "flanker",       "fly-half",     "forward",      "full-back",
    "fullback",      "goalkeeper",   "golfer",       "hooker",
    "incumbent",     "jockey",       "journalist",   "keeper",
    "lawyer",        "midfielder",   "nominee",      "novelist",
    "opener",        "opponent",     "photographer", "pitcher",
    "player",        "playmaker",    "poet",         "producer",
    "quarterback",   "reporter",     "rider",        "rival",
    "rookie",        "scientist",    "scrum-half",   "seed",
    "shortstop",     "singer",       "skipper",      "spinner",
    "sprinter",      "striker",      "substitute",   "surgeon",
    "swimmer",       "team-mate",    "teammate",     "tycoon",
    "veteran",       "wicketkeeper", "winger",       "writer",
};

int ws_lex_is_descriptor(const char *s, size_t n) {
  return IN(descriptors, s, n, 0);
}

/* Words that end or mark organisation names (company suffixes, bodies of
 * government, parties, clubs, media), lower case, sorted. */
static const char *const org_words[] = {
    "academy", "ag", "agency", "airlines", "airways", "alliance", "army",
    "assembly", "association", "authority", "bancorp", "bank", "bhd", "board",
    "brigade", "brigades", "bureau", "cabinet", "caucus", "chronicle",
    "church", "club", "co", "coalition", "college", "commission", "committee",
    "communications", "company", "congress", "corp", "corporation", "council",
    "court", "department", "fc", "federation", "force", "forces",
    "foundation", "front", "fund", "gazette", "gmbh", "group", "guard",
    "herald", "holdings", "hospital", "inc", "industries", "institute",
    "insurance", "international", "journal", "league", "limited", "llc",
    "ltd", "magazine", "media", "ministry", "motors", "movement", "navy",
    "network", "news", "nv", "office", "organisation", "organization",
    "parliament", "partners", "party", "plc", "police", "press", "radio",
    "railways", "sa", "school", "securities", "senate", "service", "services",
    "society", "spa", "systems", "team", "technologies", "telecom",
    "television", "times", "tribunal", "tribune", "trust", "union", "united",
    "university",
};

int ws_lex_is_org_word(const char *s, size_t n) {
  return IN(org_words, s, no_dot(s, n), 1);
}

static const char *const place_words[] = {
    "airport",   "avenue",  "basin",    "bay",       "beach",   "bridge",
    "canal",     "city",    "coast",    "county",    "desert",  "district",
    "gulf",      "heights", "highway",  "hill",      "hills",   "island",
    "islands",   "lake",    "mountain", "mountains", "ocean",   "park",
    "peninsula", "plain",   "plaza",    "province",  "region",  "republic",
    "river",     "road",    "sea",      "square",    "stadium", "state",
    "strait",    "street",  "strip",    "valley",    "village",
};

int ws_lex_is_place_word(const char *s, size_t n) {
  return IN(place_words, s, no_dot(s, n), 1);
}

/* Lower-case particles inside personal names (Arabic bin/ibn/al,
 * Romance de/da/di/del/dos, Dutch and German van/von/der/ten). */
static const char *const particles[] = {
    "abu",   "al",  "bin", "bint", "da",  "dal", "das", "de",  "del",
    "della", "der", "di",  "do",   "dos", "du",  "el",  "ibn", "la",
    "le",    "ten", "ter", "van",  "von", "y",   "zu",
};

int ws_lex_is_particle(const char *s, size_t n) {
  return IN(particles, s, n, 0);
}

void ws_lex_particle_pairs(uint32_t pairs[26]) {
  memset(pairs, 0, 26 * sizeof *pairs);
  for (size_t i = 0; i < COUNT(particles); i++) {
    unsigned a = (unsigned)(unsigned char)particles[i][0] - 'a';
    unsigned b = particles[i][1] ? (unsigned)(unsigned char)particles[i][1] - 'a'
                                : 26u;
    if (a < 26u && b <= 26u)
      pairs[a] |= UINT32_C(1) << b;
  }
}

static const char *const date_words[] = {
    "apr",     "april",    "aug",      "august", "dec",       "december",
    "feb",     "february", "fri",      "friday", "jan",       "january",
    "jul",     "july",     "jun",      "june",   "mar",       "march",
    "may",     "mon",      "monday",   "nov",    "november",  "oct",
    "october", "sat",      "saturday", "sep",    "sept",      "september",
    "sun",     "sunday",   "thu",      "thur",   "thurs",     "thursday",
    "tue",     "tues",     "tuesday",  "wed",    "wednesday",
};

int ws_lex_is_date_word(const char *s, size_t n) {
  return IN(date_words, s, no_dot(s, n), 1);
}

/* English function words: articles, pronouns, prepositions, conjunctions,
 * auxiliaries and frequent sentence adverbs. */
static const char *const stopwords[] = {
    "a",        "about",     "above",    "according", "across",   "after",
    "again",    "against",   "ago",      "all",       "almost",   "also",
    "although", "among",     "an",       "and",       "another",  "any",
    "are",      "around",    "as",       "at",        "because",  "been",
    "before",   "behind",    "being",    "below",     "besides",  "between",
    "both",     "but",       "by",       "can",       "could",    "despite",
    "did",      "do",        "does",     "during",    "each",     "either",
    "even",     "every",     "few",      "for",       "from",     "had",
    "has",      "have",      "he",       "her",       "here",     "hers",
    "him",      "his",       "how",      "however",   "i",        "if",
    "in",       "inside",    "into",     "is",        "it",       "its",
    "just",     "last",      "later",    "less",      "many",     "may",
    "me",       "meanwhile", "might",    "more",      "moreover", "most",
    "much",     "must",      "my",       "neither",   "never",    "next",
    "no",       "none",      "nor",      "not",       "now",      "of",
    "off",      "on",        "once",     "one",       "only",     "or",
    "other",    "our",       "out",      "over",      "per",      "perhaps",
    "several",  "shall",     "she",      "should",    "since",    "so",
    "some",     "still",     "such",     "than",      "that",     "the",
    "their",    "them",      "then",     "there",     "these",    "they",
    "this",     "those",     "though",   "through",   "thus",     "till",
    "to",       "today",     "tomorrow", "too",       "under",    "unless",
    "until",    "up",        "upon",     "us",        "very",     "was",
    "we",       "were",      "what",     "when",      "where",    "whether",
    "which",    "while",     "who",      "whom",      "whose",    "why",
    "will",     "with",      "within",   "without",   "would",    "yesterday",
    "yet",      "you",       "your",
};

int ws_lex_is_stopword(const char *s, size_t n) {
  return IN(stopwords, s, n, 1);
}

static const char *const generations[] = {"II",  "III", "IV", "Jr",
                                          "Jr.", "Sr",  "Sr."};

int ws_lex_is_generation(const char *s, size_t n) {
  return IN(generations, s, n, 0);
}

/* Fixed abbreviations of places and bodies, exact case, sorted. */
static const pair abbrevs[] = {
    {"E.U.", "European Union"}, {"EU", "European Union"},
    {"U.K.", "United Kingdom"}, {"U.N.", "United Nations"},
    {"U.S.", "United States"},  {"U.S.A.", "United States"},
    {"UK", "United Kingdom"},   {"UN", "United Nations"},
    {"US", "United States"},    {"USA", "United States"},
};

const char *ws_lex_abbrev_name(const char *s, size_t n) {
  long i = find(abbrevs, COUNT(abbrevs), sizeof(pair), &abbrevs_ix, s, n, 0);
  return i >= 0 ? abbrevs[i].country : NULL;
}

typedef struct ws_learned {
  const char *w;
  uint16_t c[5];
} ws_learned;
extern const ws_learned ws_learned_words[];
extern const size_t ws_learned_n;

int ws_lex_learned(const char *s, size_t n, unsigned c[5]) {
  long i = find(ws_learned_words, ws_learned_n, sizeof(ws_learned),
                &learned_ix, s, n, 1);
  if (i < 0)
    return 0;
  for (int k = 0; k < 5; k++)
    c[k] = ws_learned_words[i].c[k];
  return 1;
}

#define IX(list) ix_build(&list##_ix, list, COUNT(list), sizeof(list[0]))
static void ix_init(void) {
  ix_ok = IX(nationalities) && IX(countries) && IX(title_heads) &&
          IX(title_mods) && IX(honorifics) && IX(descriptors) &&
          IX(org_words) && IX(place_words) && IX(particles) &&
          IX(date_words) && IX(stopwords) && IX(generations) && IX(abbrevs) &&
          ix_build(&learned_ix, ws_learned_words, ws_learned_n,
                   sizeof(ws_learned));
  atomic_store_explicit(&ix_ready, 1, memory_order_release);
}
