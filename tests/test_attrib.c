/* test_attrib.c - speakers of quotes and reported speech.  Each fixture
 * is a short news text composed for the test: the quote covering a phrase
 * must have the expected kind, speaker mention and speaker name.  Names
 * are checked by substring so that the test holds whether the entity
 * layer canonicalises "Foreign Minister Anna Berg" or "Anna Berg". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "extract/cue.h"
#include "fixture.h"
#include "whosaid.h"

static const char *speaker_name(const run *r, const ws_quote *q) {
  return q->speaker >= 0 ? r->v.entities[q->speaker].name : "(none)";
}

/* Asserts the quote covering `phrase`: kind, speaker mention text, and a
 * word the speaker's name must contain (NULL: no entity expected). */
static void expect(const char *text, const char *phrase, ws_quote_kind kind,
                   const char *mention, const char *name_part) {
  run r;
  extract(&r, text);
  const ws_quote *q = quote_with(&r, phrase);
  if (!q)
    fail_msg("no quote covers \"%s\"", phrase);
  assert_int_equal(q->kind, kind);
  if (!mention) {
    assert_int_equal(q->speaker_end, q->speaker_start);
    assert_int_equal(q->speaker, -1);
  } else {
    assert_string_equal(mention_text(&r, q), mention);
    if (name_part && !strstr(speaker_name(&r, q), name_part))
      fail_msg("speaker \"%s\" lacks \"%s\"", speaker_name(&r, q), name_part);
  }
  ws_doc_free(r.doc);
}

#define D WS_QUOTE_DIRECT
#define R WS_QUOTE_REPORTED

static void cue_after_the_quote(void **state) {
  (void)state;
  const char *t = "The harbour board met on Monday with Mayor Lena Vik. "
                  "\"The ferry will run all winter,\" Vik said.";
  expect(t, "ferry will run", D, "Vik", "Vik");
  t = "The harbour board met on Monday with Mayor Lena Vik. "
      "\"The ferry will run all winter,\" said Lena Vik.";
  expect(t, "ferry will run", D, "Lena Vik", "Vik");
  /* a verb outside the lexicon, inverted */
  t = "The harbour board met on Monday with Mayor Lena Vik. "
      "\"The ferry will run all winter!\" beamed Lena Vik.";
  expect(t, "ferry will run", D, "Lena Vik", "Vik");
  /* a cue right after the closing mark wins over one earlier in the
   * sentence */
  t = "Mayor Lena Vik said the harbour was safe because \"the ferry "
      "leaves on time,\" the captain added.";
  expect(t, "ferry leaves on time", D, "the captain", NULL);
}

static void cue_before_the_quote(void **state) {
  (void)state;
  const char *t = "At the dock, Mayor Lena Vik said: \"The ferry will run "
                  "all winter.\"";
  expect(t, "ferry will run", D, "Mayor Lena Vik", "Vik");
  t = "On Monday Mayor Lena Vik told reporters \"the ferry will run all "
      "winter\" and left.";
  expect(t, "ferry will run", D, "Mayor Lena Vik", "Vik");
}

static void according_to_and_statements(void **state) {
  (void)state;
  const char *t = "\"The ferry will run all winter,\" according to Mayor "
                  "Lena Vik.";
  expect(t, "ferry will run", D, "Mayor Lena Vik", "Vik");
  t = "\"The ferry will run all winter,\" Mayor Lena Vik said in a "
      "statement.";
  expect(t, "ferry will run", D, "Mayor Lena Vik", "Vik");
  t = "Yesterday the mayor, Lena Vik, said in a statement that the ferry "
      "would run all winter.";
  expect(t, "ferry would run", R, "Lena Vik", "Vik");
}

static void apposition_between_speaker_and_cue(void **state) {
  (void)state;
  const char *t = "\"We need a second ferry,\" Tomas Berg, the harbour "
                  "master, said.";
  expect(t, "second ferry", D, "Tomas Berg", "Berg");
  t = "\"We need a second ferry,\" Tomas Berg, who has run the port since "
      "2009, said.";
  expect(t, "second ferry", D, "Tomas Berg", "Berg");
}

static void party_tags_do_not_end_the_sentence(void **state) {
  (void)state;
  /* Congressional style: (D-Vt.) and ", R-Vt.," after the name */
  const char *t = "\"The pier is safe,\" Sen. Anna Dahl (D-Vt.) said on "
                  "Friday.";
  expect(t, "pier is safe", D, "Sen. Anna Dahl", "Dahl");
  t = "\"The pier is safe,\" Anna Dahl, R-Vt., said on Friday.";
  expect(t, "pier is safe", D, "Anna Dahl", "Dahl");
}

static void colon_lead_in_paragraph(void **state) {
  (void)state;
  const char *t = "The meeting went on until late. Later Tomas Berg "
                  "continued:\n\n\"The old ferry cannot cross in a storm "
                  "and the new one can.\"";
  expect(t, "old ferry cannot", D, "Tomas Berg", "Berg");
  /* an inverted cue, and a lead-in without a verb of saying */
  t = "The meeting went on until late.\n\nStated Tomas Berg:\n\n\"The old "
      "ferry cannot cross in a storm.\"";
  expect(t, "old ferry cannot", D, "Tomas Berg", "Berg");
  t = "The meeting went on until late. Tomas Berg released the following "
      "note:\n\n\"The old ferry cannot cross in a storm.\"";
  expect(t, "old ferry cannot", D, "Tomas Berg", "Berg");
}

static void passive_and_participle_cues(void **state) {
  (void)state;
  const char *t = "Later that week Tomas Berg was quoted as saying \"the "
                  "ferry is safe\" by the local paper.";
  expect(t, "ferry is safe", D, "Tomas Berg", "Berg");
  t = "On Friday Tomas Berg welcomed the budget, saying if it passes "
      "\"the ferry will finally be replaced\".";
  expect(t, "finally be replaced", D, "Tomas Berg", "Berg");
}

static void label_inside_a_reported_clause(void **state) {
  (void)state;
  /* the quote is what the mayor reports, not the council's own words */
  const char *t = "On Monday Mayor Lena Vik said the council described the "
                  "new pier as \"a harbour for the next century.\"";
  expect(t, "harbour for the next", D, "Mayor Lena Vik", "Vik");
  /* a label with its own subject and no outer verb of saying */
  t = "On Monday the council described the new pier as \"a harbour for "
      "the next century.\"";
  expect(t, "harbour for the next", D, "the council", NULL);
}

static void trailing_dash_line(void **state) {
  (void)state;
  const char *t = "\"A harbour without a ferry is just a wall of water.\" "
                  "\xE2\x80\x94 Tomas Berg";
  expect(t, "harbour without", D, "Tomas Berg", "Berg");
  /* the horizontal bar on a line of its own, as under an epigraph */
  t = "Readers wrote to us about the ferry.\n\n\"A harbour without a "
      "ferry is just a wall of water.\"\n\xE2\x80\x95 Tomas Berg\n\n"
      "The letters keep coming.";
  expect(t, "harbour without", D, "Tomas Berg", "Berg");
}

static void running_quote_keeps_its_speaker(void **state) {
  (void)state;
  const char *t = "\"The ferry is old,\" said Tomas Berg. \"It was built "
                  "before any of us were born.\"\n\n\"It will be replaced "
                  "next spring, one way or another.\"";
  expect(t, "built before", D, "Tomas Berg", "Berg");
  expect(t, "replaced next spring", D, "Tomas Berg", "Berg");
  /* a coordinated verb takes the main verb's subject, not a subject
   * inside its clause */
  t = "Tomas Berg said he welcomed the budget and added, \"The ferry will "
      "finally be replaced next spring.\"";
  expect(t, "finally be replaced", D, "Tomas Berg", "Berg");
  t = "\"The ferry is old,\" Tomas Berg said, \"and it leaks.\"";
  expect(t, "and it leaks", D, "Tomas Berg", "Berg");
}

static void pronouns_resolve_to_the_speaker(void **state) {
  (void)state;
  const char *t = "The board heard from Tomas Berg on Monday. \"The ferry "
                  "leaks,\" Berg said. \"We cannot wait another winter,\" "
                  "he added.";
  expect(t, "cannot wait", D, "he", "Berg");
}

static void descriptions_resolve_by_role_and_nationality(void **state) {
  (void)state;
  const char *t = "Canadian Transport Minister Paul Dorval met his French "
                  "counterpart in Halifax on Monday. \"We have agreed on "
                  "the route,\" the Canadian minister said.";
  expect(t, "agreed on the route", D, "the Canadian minister", "Dorval");
}

static void organisations_speak(void **state) {
  (void)state;
  const char *t = "The talks were held at the Harbour Ministry in Oslo. "
                  "\"No decision has been taken yet,\" the ministry said.";
  expect(t, "No decision", D, "the ministry", NULL);
  /* "it" after an organisation that spoke */
  t = "On Monday the Harbour Ministry said that talks with the union had "
      "stalled. \"No decision has been taken yet,\" it added.";
  expect(t, "No decision", D, "it", "Ministry");
}

static void no_speaker_is_guessed(void **state) {
  (void)state;
  const char *t = "Tomas Berg runs the port. The sign on the gate read, "
                  "as it has for years: \"Ferries leave on the hour from "
                  "this pier, weather permitting, every day.\"";
  /* the sign is the source (PARC counts documents and signs as sources),
   * but it names no entity */
  expect(t, "Ferries leave", D, "The sign", NULL);
  expect("Tomas Berg runs the port. On the gate, as for years: \"Ferries "
         "leave on the hour from this pier, weather permitting, every "
         "day.\"",
         "Ferries leave", D, NULL, NULL);
  /* the writer's "I" is found as the mention but names no entity */
  run r;
  extract(&r, "I met Tomas Berg at the pier. \"The ferry is late again,\" "
              "I said to him.");
  const ws_quote *q = quote_with(&r, "ferry is late");
  assert_non_null(q);
  assert_string_equal(mention_text(&r, q), "I");
  assert_int_equal(q->speaker, -1);
  ws_doc_free(r.doc);
}

/* he and she agree in gender with their antecedent: the latest person
 * of the right gender, even when the current speaker is of the other */
static void pronouns_agree_in_gender(void **state) {
  (void)state;
  expect("Anna Berg met John Lind at the harbour. \"We will build a new "
         "pier,\" she said.",
         "build a new pier", D, "she", "Anna Berg");
  expect("Peter Vik spoke first. Then Mary Holt answered a question. \"I "
         "disagree with all of it,\" he said.",
         "disagree with all", D, "he", "Peter Vik");
  expect("\"We are ready for the storm,\" said Peter Vik. Mary Holt was not "
         "convinced. \"It is far too soon to tell,\" she said.",
         "far too soon", D, "she", "Mary Holt");
  /* the subject of the sentence before, after its opening phrase, wins
   * over the speaker of an earlier paragraph */
  expect("\"We are ready for the storm,\" said John Lind.\n\nIn an "
         "interview, Peter Vik said the plan was late. \"It is a sad day "
         "for the harbour,\" he said.",
         "sad day for the harbour", D, "he", "Peter Vik");
  /* a name of known gender just before wins over one of unknown gender */
  expect("At the pier Mary Holt met Tomasz Wrobel. \"We will fix the "
         "ferry by June,\" she said.",
         "fix the ferry by June", D, "she", "Mary Holt");
  /* an honorific tells the gender of a name the list does not know */
  expect("Mrs. Lind met Mr. Osk at the pier. \"The ferry is late again "
         "today,\" she said.",
         "ferry is late", D, "she", "Lind");
}

/* relative pronouns: "X, who ... said" resolves to X, a restrictive
 * clause ("anyone who complains") defers to the outer cue */
static void relative_pronoun_speakers(void **state) {
  (void)state;
  expect("Senator Anna Berg dismissed the complaint, saying anyone who "
         "complains about the ferries \"has not taken one lately.\"",
         "has not taken one", D, "Senator Anna Berg", "Berg");
  expect("The mayor met Lars Holm, now the harbour master, who in 2010 said "
         "the old pier was \"a disgrace to the town.\"",
         "a disgrace to the town", D, "who", "Lars Holm");
  expect("Reporters asked the Bergen Port Authority which said the pier "
         "was \"closed until further notice.\"",
         "closed until further", D, "which", "Port Authority");
  /* the subject before a restrictive relative clause and its verb */
  expect("Lars Holm met the team.\n\nAsked about the port, a harbour "
         "official who spoke anonymously to discuss the plans said on "
         "Wednesday, \"Certainly there are talks with the town.\"",
         "Certainly there are talks", D, "a harbour official", NULL);
}

/* phrases that open a sentence: descriptions, appositions, participial
 * openers holding the quote, and adjectives that name no speaker */
static void sentence_opening_speakers(void **state) {
  (void)state;
  expect("The port reopened. Another critic, Lars Holm, likened the plan to "
         "\"burning the harbour down.\"",
         "burning the harbour", D, "Lars Holm", "Holm");
  expect("The port reopened.\n\nDeriding the \"broken ferry system,\" Lars "
         "Holm told the crowd to vote.",
         "broken ferry system", D, "Lars Holm", "Holm");
  expect("The port reopened.\n\nThe billionaire businessman began by "
         "praising the harbour, saying that it was \"the finest in the "
         "north.\"",
         "finest in the north", D, "The billionaire businessman", NULL);
  run r;
  extract(&r, "The port reopened.\n\nDemocratic leaders said, \"We will "
              "win this fight for the harbour.\"");
  const ws_quote *q = quote_with(&r, "win this fight");
  assert_non_null(q);
  assert_string_equal(mention_text(&r, q), "Democratic leaders");
  assert_int_equal(q->speaker, -1); /* no party named "Democratic" */
  ws_doc_free(r.doc);
}

/* a definite description of a public figure ("the candidate") refers back
 * to the person of the story */
static void descriptions_refer_back(void **state) {
  (void)state;
  expect("Anna Berg toured the port on Monday with her staff. \"The harbour "
         "needs money,\" the candidate said.",
         "harbour needs money", D, "the candidate", "Anna Berg");
  /* an aide named by whom she works for is not her employer */
  expect("Anna Berg toured the port on Monday with her staff. \"The harbour "
         "needs money,\" a Berg aide said.",
         "harbour needs money", D, "a Berg aide", "(none)");
  /* not a spokesman, whom a story need not name */
  expect("Anna Berg toured the port on Monday with her staff. \"The harbour "
         "needs money,\" the spokesman said.",
         "harbour needs money", D, "the spokesman", "(none)");
}

/* cues in two words, places and prepositional phrases that are no
 * subjects, a title after a number, a lead sentence, a subordinate clause */
static void cue_and_subject_shapes(void **state) {
  (void)state;
  expect("After Lars Holm criticised the plan in a debate, Lena Vik shot "
         "back, \"Nobody here has ever seen it on time.\"",
         "Nobody here has", D, "Lena Vik", "Vik");
  expect("The mayor of Bergen has long been seen, as the Bergen Tidende put "
         "it in an editorial, as \"the harbour king.\"",
         "the harbour king", D, "Bergen Tidende", "Bergen Tidende");
  expect("The council met. Anna Berg, during a meeting in Bergen, Norway, "
         "said the pier was \"falling into the sea.\"",
         "falling into the sea", D, "Anna Berg", "Berg");
  expect("The town is tense. Sailors marching through the streets chanted "
         "\"Open the harbour now!\" until dawn.",
         "Open the harbour now", D, "Sailors", NULL);
  expect("\"The rules make no sense at all,\" said 9/11 widow Lena Vik.",
         "rules make no sense", D, "9/11 widow Lena Vik", "Vik");
  expect("\"The port is doomed,\" said Lars Holm, a trader.\n\nThe board "
         "met. Anna Berg agreed. \"Nothing will change here until the money "
         "comes.\"",
         "Nothing will change", D, "Anna Berg", "Berg");
  /* a participle's own subject ("footage of X saying") is no part of an
   * outer cue's clause */
  expect("The harbour ad concludes with footage of Lars Holm saying at the "
         "debate, \"That makes me the best captain,\" before it fades.",
         "the best captain", D, "Lars Holm", "Holm");
  /* a cue in a restrictive relative clause is not the sentence's verb */
  expect("Lena Vik was defensive about a builder who said he was never "
         "paid, saying, \"Maybe he did not do a good job at all.\"",
         "did not do a good job", D, "Lena Vik", "Vik");
  /* an opening phrase that ends inside a title's quotation marks */
  expect("Lars Holm spoke first.\n\nOn \"Harbour Talk,\" Sen. Anna Berg "
         "(Vt.), who lost the primary to Holm, identified the tolls as a "
         "\"reason to vote for the ferry plan.\"",
         "reason to vote for", D, "Sen. Anna Berg", "Berg");
  /* a few quoted words inside the apposition between quote and cue */
  expect("The board met on Monday. \"We have had better meetings than "
         "this one,\" harbour delegate Bill Eastland, wearing a cap and "
         "\"Holm 2016\" pins, said as he left.",
         "better meetings", D, "Bill Eastland", "Eastland");
  /* a report closed by its speaker introduces the quote after it */
  expect("The board met.\n\nThe port may be slow to act while the ferry "
         "talks go on, Anna Berg said. \"The other factor is the money we "
         "do not have.\"",
         "The other factor", D, "Anna Berg", "Berg");
  /* the outer cue's clause ends before "as": the heckler yelled it */
  expect("Lars Holm said nothing as the heckler yelled: \"Go home now!\"",
         "Go home now", D, "the heckler", NULL);
}

/* documents speak for whoever issued them, not for whom they name; a
 * sign or a message "reads"; a quote ending in '?' may still take the
 * verb after it */
static void documents_and_retorts(void **state) {
  (void)state;
  expect("The Bergen Port Authority issued a statement on Monday about Lars "
         "Holm. \"The pier will stay closed until spring,\" the statement "
         "said.",
         "pier will stay closed", D, "the statement", "Port Authority");
  expect("Ferry workers sent a letter to the Bergen Port Authority. \"We "
         "cannot work like this any longer,\" the letter reads.",
         "cannot work like this", D, "the letter", "(none)");
  expect("Signs lined the pier. \"The harbour belongs to all of us,\" read "
         "one.",
         "harbour belongs to all", D, "one", NULL);
  expect("The talks ended. \"There will be no path for him to succeed,\" "
         "said one of those advisers, who spoke on the condition of "
         "anonymity.",
         "no path for him", D, "one of those advisers", NULL);
  expect("The ad has changed. \"This is your harbour,\" it now says, "
         "showing a montage of faces.",
         "This is your harbour", D, "it", NULL);
  expect("Lena Vik took questions.\n\n\"Would the pier be safe by June?\" "
         "Lars Holm pressed. \"Nobody can promise that.\"",
         "pier be safe by June", D, "Lars Holm", "Holm");
}

/* a label names what it labels: "rated X "false"" is the rater's word,
 * a passive label ("were rated", "was called") is no one's here */
static void labels_and_passives(void **state) {
  (void)state;
  expect("The claims were checked. PortCheck rated the mayor's claim "
         "\"mostly false\" on Friday.",
         "mostly false", D, "PortCheck", "PortCheck");
  run r;
  extract(&r, "Lena Vik leads the board. Most of her emails were called "
              "\"confidential and not for the eyes of the public.\"");
  const ws_quote *q = quote_with(&r, "not for the eyes");
  assert_non_null(q);
  assert_int_equal(q->speaker_end, q->speaker_start);
  ws_doc_free(r.doc);
}

static void reported_speech(void **state) {
  (void)state;
  const char *t = "Tomas Berg spoke to the board on Monday. He said the "
                  "ferry would be replaced within two years.";
  expect(t, "ferry would be replaced", R, "He", "Berg");
  t = "On Monday Tomas Berg said that the ferry would be replaced within "
      "two years.";
  expect(t, "ferry would be replaced", R, "Tomas Berg", "Berg");
  t = "Tomas Berg spoke to the board on Monday. The ferry, he said, cannot "
      "cross in a storm.";
  expect(t, "cannot cross in a storm", R, "he", "Berg");
  t = "On Monday Tomas Berg told reporters the new ferry would carry two "
      "hundred cars.";
  expect(t, "would carry two hundred", R, "Tomas Berg", "Berg");
  t = "The new ferry will carry two hundred cars, Tomas Berg said in Oslo.";
  expect(t, "will carry two hundred", R, "Tomas Berg", "Berg");
  t = "The new ferry will carry two hundred cars, according to Tomas Berg.";
  expect(t, "will carry two hundred", R, "Tomas Berg", "Berg");
}

static void reported_subjects_and_stances(void **state) {
  (void)state;
  const char *t = "The harbour workers \xE2\x80\x94 dockers, pilots and "
                  "clerks \xE2\x80\x94 said the strike would end on "
                  "Friday.";
  expect(t, "strike would end", R, "The harbour workers", NULL);
  t = "On Monday the pilots\xE2\x80\x99 union said the strike would end on "
      "Friday.";
  expect(t, "strike would end", R, "the pilots\xE2\x80\x99 union", NULL);
  t = "At the meeting Mayor Lena Vik endorsed the plan to build a second "
      "pier.";
  expect(t, "build a second pier", R, "Mayor Lena Vik", "Vik");
  /* a place phrase before "that"; a coordinated subject with "say" */
  t = "Mayor Lena Vik says at a meeting in Bergen, Norway, that the ferry "
      "will run all winter.";
  expect(t, "ferry will run all winter", R, "Mayor Lena Vik", "Vik");
  t = "On Monday Tomas Berg and Lena Vik say the ferry will run all winter.";
  expect(t, "ferry will run all winter", R, "Lena Vik", "Vik");
  /* a partial quote inside a reported clause: both are kept */
  t = "On Monday Mayor Lena Vik said the new pier would open in May and "
      "serve the town as \"a harbour for the next century.\"";
  expect(t, "would open in May", R, "Mayor Lena Vik", "Vik");
  expect(t, "harbour for the next", D, "Mayor Lena Vik", "Vik");
  /* a noun of saying with its possessor */
  t = "Lena Vik spoke on Monday. Vik's claim that the ferry will run all "
      "winter surprised the board.";
  expect(t, "ferry will run all winter", R, "Vik", "Vik");
  /* a headline or transcript line: "Name: words" */
  t = "Lena Vik: The Ferry Must Run All Winter\n\nThe mayor spoke on "
      "Monday.";
  expect(t, "Ferry Must Run", R, "Lena Vik", "Vik");
  /* a noun is not a cue: no statement in "the report" */
  run r;
  extract(&r, "The report on the harbour was published on Monday.");
  assert_int_equal(r.v.n_quotes, 0);
  ws_doc_free(r.doc);
}

/* One statement ends where the next cue begins. */
static void reported_statement_boundaries(void **state) {
  (void)state;
  const char *t = "Mayor Lena Vik said the ferry will run all winter, saying "
                  "the harbour is safe.";
  run r;
  extract(&r, t);
  const ws_quote *q = quote_with(&r, "ferry will run all winter");
  assert_non_null(q);
  /* the first statement stops before ", saying" */
  assert_true(q->end <= (uint32_t)(strstr(t, ", saying") - t));
  ws_doc_free(r.doc);
  expect(t, "harbour is safe", R, "Mayor Lena Vik", "Vik");
  t = "Tomas Berg said the pier will open in May, but the council doubts "
      "it.";
  extract(&r, t);
  q = quote_with(&r, "pier will open in May");
  assert_non_null(q);
  assert_true(q->end <= (uint32_t)(strstr(t, ", but") - t));
  ws_doc_free(r.doc);
}

/* Subjects of reported statements: poll shares, quantifiers, times and
 * appositions between the subject and its verb. */
static void reported_subjects_more(void **state) {
  (void)state;
  const char *t;
  run r;
  /* poll shares and "As X noted, ..." */
  expect("In the new poll, 47 percent say the ferry should run all winter.",
         "ferry should run all winter", R, "47 percent", NULL);
  expect("Among harbour workers, six in 10 say the pier is too short.",
         "pier is too short", R, "six in 10", NULL);
  expect("As the Bergen Tidende noted, the ferry has lost money for years.",
         "ferry has lost money", R, "Bergen Tidende", NULL);
  expect("Among dockers, one in three said the pier is too short.",
         "pier is too short", R, "one in three", NULL);
  expect("Tomas Berg said more than 200 boats use the pier each week.",
         "200 boats use the pier", R, "Tomas Berg", "Berg");
  /* a year before the verb is no subject */
  extract(&r, "The pier built in 2012 said nothing about the winter storms.");
  assert_int_equal(r.v.n_quotes, 0);
  ws_doc_free(r.doc);
  /* a long relative clause, and a plural possessive, between the quote
   * and its cue */
  expect("\"The pier is too short,\" Lena Vik, who has run the harbour "
         "office on the island of Askoy for more than twenty years, told "
         "the council.",
         "pier is too short", D, "Lena Vik", "Vik");
  expect("\"The pier is too short,\" Tomas Berg, the dockers' union "
         "leader, said on Monday.",
         "pier is too short", D, "Tomas Berg", "Berg");
  /* an age and an apposition between the speaker and the cue */
  expect("Lena Vik, 54, a teacher from Bergen, said the ferry will run all "
         "winter.",
         "ferry will run all winter", R, "Lena Vik", "Vik");
  /* an inverted cue after the statement: the name is no content */
  t = "The ferry will run all winter, said Lena Vik, a teacher in Bergen.";
  expect(t, "ferry will run all winter", R, "Lena Vik", "Vik");
  extract(&r, t);
  assert_null(quote_with(&r, "a teacher in Bergen"));
  ws_doc_free(r.doc);
  /* a quantifier alone is a subject; "that" opens the clause even
   * before a word that cannot ("said that more ...") */
  expect("Some say the pier is too short, while another says it is too long.",
         "pier is too short", R, "Some", NULL);
  expect("Some say the pier is too short, while another says it is too long.",
         "it is too long", R, "another", NULL);
  expect("After years of debate, Lena Vik said that more than 200 boats use "
         "the pier.",
         "200 boats use the pier", R, "Lena Vik", "Vik");
  extract(&r, "Many calls came in on Monday about the pier.");
  assert_int_equal(r.v.n_quotes, 0);
  ws_doc_free(r.doc);
  /* an indirect question with no named asker */
  expect("Asked whether the pier is safe, Lena Vik said the council would "
         "decide.",
         "whether the pier is safe", R, NULL, NULL);
  /* a time between the subject and its verb */
  expect("Lena Vik on Monday said the ferry will run all winter.",
         "ferry will run all winter", R, "Lena Vik", "Vik");
  expect("Tomas Berg at the time said the pier was too short.",
         "pier was too short", R, "Tomas Berg", "Berg");
  expect("Tomas Berg last week told the council that the pier was too short.",
         "pier was too short", R, "Tomas Berg", "Berg");
}

/* Cues after the statement, infinitives, positions and topics. */
static void reported_cues_more(void **state) {
  (void)state;
  run r;
  /* '..., X reported.' with the comma inside the closing mark */
  expect("The mayor praised the dockers and the harbour staff for months of "
         "\"careful work,\" the Bergen Tidende reported.",
         "praised the dockers", R, "Bergen Tidende", NULL);
  /* "according to" any phrase */
  expect("The ferry lost money for the third year in a row, according to "
         "exit polls of harbour users.",
         "ferry lost money", R, "exit polls of harbour users", NULL);
  expect("The pier will cost twice as much, according to a 2014 council "
         "study.",
         "pier will cost twice", R, "a 2014 council study", NULL);
  /* what one undertakes or urges, and a short position taken */
  expect("On Monday Lena Vik vowed to keep the ferry running all winter.",
         "keep the ferry running", R, "Lena Vik", "Vik");
  expect("Tomas Berg urged the council to build a second pier.",
         "build a second pier", R, "Tomas Berg", "Berg");
  expect("The harbour spokeswoman declined to comment.", "to comment", R,
         "The harbour spokeswoman", NULL);
  expect("On Monday the dockers' union endorsed Vik.", "Vik", R,
         "the dockers\' union", NULL);
  /* a base form after an apposition, or after "those" and a participle */
  expect("Harbour workers, most of them from Askoy, say the pier is too "
         "short.",
         "pier is too short", R, "Harbour workers", NULL);
  expect("In the survey, those polled say the pier is too short.",
         "pier is too short", R, "those polled", NULL);
  /* a verb of saying in three words */
  expect("On Monday Lena Vik made it clear that the ferry will run all "
         "winter.",
         "ferry will run all winter", R, "Lena Vik", "Vik");
  /* a noun in -s is no verb: "the storm attacks on the pier" */
  extract(&r, "The mayor spoke about the winter storm attacks on the old "
              "pier and the ferry.");
  for (size_t i = 0; i < r.v.n_quotes; i++)
    assert_true(r.v.quotes[i].cue_end - r.v.quotes[i].cue_start != 7 ||
                memcmp(r.v.text + r.v.quotes[i].cue_start, "attacks", 7));
  ws_doc_free(r.doc);
  expect("On Monday the board attacks the plan to close the pier.",
         "plan to close the pier", R, "the board", NULL);
  /* "..., said X, an apposition": X speaks even when a plural noun
   * stands before the comma */
  expect("In a year of storms, boats have more room to wait in the bay, "
         "said Tomas Berg, a harbour pilot.",
         "more room to wait", R, "Tomas Berg", "Berg");
  /* a passive question: the question is reported, the asker unnamed */
  expect("The board met.\n\nWhen asked about the cost of the pier, Lena "
         "Vik smiled.",
         "cost of the pier", R, NULL, NULL);
  /* "states", "maintained": verbs of saying only before a clause */
  expect("The harbour report states that the pier is too short.",
         "pier is too short", R, "The harbour report", NULL);
  expect("The board met.\n\n\"The pier is too short,\" Lena Vik maintained "
         "in an interview.",
         "pier is too short", D, "Lena Vik", "Vik");
  extract(&r, "Tomas Berg maintained a lead in the harbour race all winter.");
  assert_int_equal(r.v.n_quotes, 0);
  ws_doc_free(r.doc);
  /* what follows "said" is a setting, not a statement: "said Sunday on
   * TV2's show", "said to loud cheers" */
  extract(&r, "The board met.\n\n\"We cannot wait,\" Lena Vik said Sunday "
              "on the harbour radio show.\n\n\"We will not wait,\" she said "
              "to loud cheers.\n");
  for (size_t i = 0; i < r.v.n_quotes; i++)
    assert_int_equal(r.v.quotes[i].kind, WS_QUOTE_DIRECT);
  assert_int_equal(r.v.n_quotes, 2);
  ws_doc_free(r.doc);
  /* the topic of a statement */
  expect("On Monday Mayor Lena Vik talked about the cost of the new pier.",
         "cost of the new pier", R, "Mayor Lena Vik", "Vik");
  expect("Tomas Berg warned against a second pier in the bay.",
         "second pier in the bay", R, "Tomas Berg", "Berg");
  expect("Tomas Berg pointed out that the pier is too short for the ferry.",
         "pier is too short", R, "Tomas Berg", "Berg");
  expect("On Monday Lena Vik discussed the cost of the pier with the "
         "council.",
         "cost of the pier", R, "Lena Vik", "Vik");
}

/* Speakers of direct quotes in harder sentences. */
static void direct_speakers_more(void **state) {
  (void)state;
  run r;
  /* a full stop inside the quote, then a sentence of only "X said." */
  expect("The board met on Monday.\n\n\"The pier is too short.\" Lena Vik "
         "said.\n",
         "pier is too short", D, "Lena Vik", "Vik");
  /* but a new sentence that goes on is no attribution */
  expect("The board met on Monday.\n\n\"The pier is too short.\" Lena Vik "
         "said the ferry would stop.\n",
         "pier is too short", D, NULL, NULL);
  /* any verb followed by "and" */
  expect("The board met.\n\n\"Go back to the office,\" Lena Vik barked and "
         "left the room.\n",
         "Go back to the office", D, "Lena Vik", "Vik");
  /* the subject of a participle cue after a dateline, an adverb in -ly,
   * or a place named as "town, region," */
  expect("BERGEN (NTB) - Mayor Lena Vik opened the pier on Monday, calling "
         "it \"the best day for this harbour in fifty years.\"\n",
         "best day for this harbour", D, "Mayor Lena Vik", "Vik");
  expect("The town waited.\n\nImmediately after the storm, Lena Vik closed "
         "the pier, saying \"nobody should walk on it until it is safe.\"\n",
         "nobody should walk on it", D, "Lena Vik", "Vik");
  expect("The town waited.\n\nSpeaking at the harbour in Askoy, Norway, Lena "
         "Vik closed the pier, saying \"nobody should walk on it until it is "
         "safe.\"\n",
         "nobody should walk on it", D, "Lena Vik", "Vik");
  /* a party tag before the comma, with or without an apposition */
  expect("After the vote in Bergen, Rep. Lena Vik (D-Ore.), said, \"The "
         "pier stays open.\"\n",
         "pier stays open", D, "Rep. Lena Vik", "Vik");
  expect("Rep. Lena Vik (D-Ore.), chair of the harbour committee, said that "
         "it was \"fully committed to an open process.\"\n",
         "fully committed to an open", D, "Rep. Lena Vik", "Vik");
  /* "X did not ..., but told Y, "..."": X speaks, not the listener */
  expect("The town waited.\n\nLena Vik did not name the builders, but told "
         "her staff, \"our pier is in trouble.\"\n",
         "our pier is in trouble", D, "Lena Vik", "Vik");
  /* a scare quote inside a phrase is no quote, even with a subject */
  extract(&r, "Lena Vik ran the \"undercard\" debate in the harbour hall.");
  assert_int_equal(r.v.n_quotes, 0);
  ws_doc_free(r.doc);
  /* a verb between two names is no title: "Vik hammered Berg" */
  expect("The town waited.\n\nLena Vik hammered Tomas Berg on Monday, saying "
         "\"nobody should walk on that pier.\"\n",
         "nobody should walk", D, "Lena Vik", "Vik");
  /* the reporter's own words before a long quote are a statement too */
  expect("Lena Vik says she respects the council and calls it \"the most "
         "patient group of people in the whole of western Norway.\"",
         "she respects the council", R, "Lena Vik", "Vik");
  /* a partial quote inside a reported statement is the same speaker's */
  expect("Later the harbour board talked about giving the town \"a better "
         "and safer place to dock\" within a year.",
         "safer place to dock", D, "the harbour board", NULL);
  /* a verb of speaking with no topic names no statement */
  extract(&r, "Mayor Lena Vik spoke to the dockers on Monday.");
  assert_int_equal(r.v.n_quotes, 0);
  ws_doc_free(r.doc);
}

/* A statement ends where the next speaker and verb begin. */
static void reported_statement_ends(void **state) {
  (void)state;
  const char *t;
  run r;
  const ws_quote *q;
  /* a statement ends where the next speaker and verb begin */
  t = "Lena Vik believes the pier is too short, the harbour master Tomas "
      "Berg said on Monday.";
  expect(t, "pier is too short", R, "Lena Vik", "Vik");
  extract(&r, t);
  q = quote_with(&r, "pier is too short");
  assert_non_null(q);
  assert_true(q->end <= (uint32_t)(strstr(t, ", the harbour") - t));
  ws_doc_free(r.doc);
  t = "Lena Vik said the pier was too short and she asked the council for "
      "a new one.";
  extract(&r, t);
  q = quote_with(&r, "pier was too short");
  assert_non_null(q);
  assert_true(q->end <= (uint32_t)(strstr(t, " and she") - t));
  ws_doc_free(r.doc);
}

/* A statement never ends on a word that asks for more. */
static void reported_statements_end_on_a_full_phrase(void **state) {
  (void)state;
  const char *t;
  run r;
  const ws_quote *q;
  /* a dangling coordinator is trimmed */
  t = "\"The bridge opens in May,\" the mayor said, adding the first task is "
      "the budget, and then \"we rebuild the harbour wall, the ferry landing "
      "and the old fish market before the winter storms arrive.\"";
  extract(&r, t);
  q = quote_with(&r, "first task is the budget");
  assert_non_null(q);
  assert_int_equal(q->kind, R);
  assert_int_equal(q->end, (uint32_t)(strstr(t, ", and then") - t));
  ws_doc_free(r.doc);
  /* words cut off by a quotation are not a statement of their own; the
   * quotation keeps its speaker */
  t = "Lena Vik praised the council for its \"quick and generous help "
      "after the storm\", the paper said.";
  extract(&r, t);
  for (size_t i = 0; i < r.v.n_quotes; i++) {
    const ws_quote *x = &r.v.quotes[i];
    uint32_t n = x->end - x->start;
    assert_false(n >= 7 && memcmp(t + x->end - 7, "for its", 7) == 0);
  }
  ws_doc_free(r.doc);
  expect(t, "quick and generous help", D, "Lena Vik", "Vik");
}

/* Headlines capitalize every word, the cue too. */
static void headlines_capitalize_the_cue(void **state) {
  (void)state;
  const char *t;
  run r;
  /* a headline: every word capitalized, the cue too */
  t = "Mayor Lena Vik Says The Ferry Will Run All Winter\n\nThe ferry "
      "company agreed on Monday.";
  expect(t, "Ferry Will Run", R, "Mayor Lena Vik", "Vik");
  /* but a capitalized cue word inside a running sentence is a name */
  extract(&r, "The band Says Who played at the harbour on Monday night.");
  assert_int_equal(r.v.n_quotes, 0);
  ws_doc_free(r.doc);
}

static void cue_lexicon(void **state) {
  (void)state;
  assert_true(ws_cue_table_sorted());
  assert_true(ws_cue_flags("said", 4) & WS_CUE_SPEECH);
  assert_true(ws_cue_flags("Tweeted", 7) & WS_CUE_SPEECH);
  assert_true(ws_cue_flags("acknowledges", 12) & WS_CUE_CLAUSE);
  assert_true(ws_cue_flags("telling", 7) & WS_CUE_PART);
  assert_true(ws_cue_flags("told", 4) & WS_CUE_OBJECT);
  assert_int_equal(ws_cue_flags("table", 5), 0);
}

/* Partial quotations after "as" or a verb of naming are someone's words;
 * the same short phrases used as scare quotes or titles stay out. */
static void partial_quotations_after_naming(void **state) {
  (void)state;
  run r;
  expect("The town waited.\n\nTomas Berg saw the ferry plan as a "
         "\"costly detour\" for the valley.\n",
         "costly detour", D, "Tomas Berg", "Berg");
  extract(&r, "The town waited.\n\nThe council introduced Lena Vik as \"a "
              "builder of bridges\" at the spring meeting.\n");
  const ws_quote *q = quote_with(&r, "a builder of bridges");
  assert_non_null(q);
  assert_int_equal(q->kind, D);
  ws_doc_free(r.doc);
  /* a scare quote with no naming verb or "as" before it stays out */
  extract(&r, "Lena Vik ran the \"undercard\" debate in the harbour hall.");
  assert_int_equal(r.v.n_quotes, 0);
  ws_doc_free(r.doc);
  /* a title after a naming verb is a name, not a quotation */
  extract(&r, "The ferry company runs a boat called the \"Harbour Star\" "
              "across the fjord every morning.");
  for (size_t i = 0; i < r.v.n_quotes; i++)
    assert_int_not_equal(r.v.quotes[i].kind, D);
  ws_doc_free(r.doc);
}

/* A short quote inside a reported statement is the speaker's partial
 * quotation; a title-cased name inside one stays out. */
static void partial_quotations_inside_reported_speech(void **state) {
  (void)state;
  run r;
  expect("The town waited.\n\nLena Vik's claim that the pier had been "
         "\"badly neglected\" by the council angered the builders.\n",
         "badly neglected", D, "Lena Vik", "Vik");
  extract(&r, "The town waited.\n\nLena Vik's claim that the \"Harbour "
              "Star\" ferry would sail again in May surprised everyone.\n");
  for (size_t i = 0; i < r.v.n_quotes; i++)
    assert_int_not_equal(r.v.quotes[i].kind, D);
  ws_doc_free(r.doc);
  /* inside a that-clause the quoted words are the content of a statement,
   * even when its speaker is not recovered */
  extract(&r, "The town waited.\n\nThe rumour that the ferry was \"far too "
              "fragile\" for winter reached the harbour.\n");
  const ws_quote *q = quote_with(&r, "far too fragile");
  assert_non_null(q);
  assert_int_equal(q->kind, D);
  ws_doc_free(r.doc);
  /* "so that" is no that-clause of a statement */
  extract(&r, "They rebuilt the pier so that the ferry could \"dock "
              "safely\" again in the bay.");
  for (size_t i = 0; i < r.v.n_quotes; i++)
    assert_int_not_equal(r.v.quotes[i].kind, D);
  ws_doc_free(r.doc);
  /* a short quote outside any statement is still a scare quote */
  extract(&r, "The pier was \"badly neglected\" by the harbour office.");
  for (size_t i = 0; i < r.v.n_quotes; i++)
    assert_int_not_equal(r.v.quotes[i].kind, D);
  ws_doc_free(r.doc);
}

/* A title-cased name opening a sentence and used as one of its words is
 * no quotation; a short exclamation followed by its cue still is. */
static void titles_opening_a_sentence(void **state) {
  (void)state;
  run r;
  extract(&r, "The town waited.\n\n\"Harbour Nights\" star Lena Vik moved "
              "to the coast last spring.\n");
  for (size_t i = 0; i < r.v.n_quotes; i++)
    assert_int_not_equal(r.v.quotes[i].kind, D);
  ws_doc_free(r.doc);
  extract(&r, "The town waited.\n\n\"Harbour Nights\" is a drama about a "
              "ferry crew.\n");
  for (size_t i = 0; i < r.v.n_quotes; i++)
    assert_int_not_equal(r.v.quotes[i].kind, D);
  ws_doc_free(r.doc);
  expect("The town waited.\n\n\"Never Again\" the mayor said, and left.\n",
         "Never Again", D, "the mayor", NULL);
}

/* A partial quotation inside a clause with its own subject and verb,
 * followed by ', SOURCE reported.': the quoted words are the subject's,
 * and the source reports the whole clause.  The comma inside the closing
 * mark (American style) or outside it (British style) must not change
 * the reading. */
static void partial_quote_with_trailing_source(void **state) {
  (void)state;
  static const char *const texts[] = {
      "Carl Brandt thanked the engineers for their \"patient work through "
      "two hard winters,\" Reuters reported.",
      "Carl Brandt thanked the engineers for their \xe2\x80\x9cpatient work "
      "through two hard winters\xe2\x80\x9d, Reuters reported.",
      "Harbour Minister Nora Lind toured the docks and praised the crews for "
      "their \"quiet courage at sea,\" Nordic Radio reported.",
      "Harbour Minister Nora Lind toured the docks and praised the crews for "
      "their \xe2\x80\x9cquiet courage at sea\xe2\x80\x9d, Nordic Radio "
      "reported.",
  };
  for (int k = 0; k < 2; k++) {
    expect(texts[k], "patient work through", D, "Carl Brandt", "Brandt");
    expect(texts[k], "Carl Brandt thanked the engineers", R, "Reuters",
           "Reuters");
  }
  /* the verb's object ends at the comma inside the mark as at one
   * outside it: no statement of Brandt's runs on into "Reuters reported" */
  run r;
  extract(&r, texts[0]);
  assert_null(quote_with(&r, "winters,\" Reuters"));
  ws_doc_free(r.doc);
  for (int k = 2; k < 4; k++) {
    expect(texts[k], "quiet courage", D, "Harbour Minister Nora Lind",
           "Lind");
    expect(texts[k], "toured the docks", R, "Nordic Radio", "Nordic");
  }
  /* no verb of the clause before the quote: the trailing speaker's */
  expect("The old bridge was \"a gift to the whole town,\" Brandt said.",
         "a gift to", D, "Brandt", "Brandt");
  /* a comma before the opening mark sets the quote apart from the
   * clause before it */
  expect("When Nora Lind praised the crews, \"they wept,\" Brandt said.",
         "they wept", D, "Brandt", "Brandt");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(cue_after_the_quote),
      cmocka_unit_test(cue_before_the_quote),
      cmocka_unit_test(according_to_and_statements),
      cmocka_unit_test(apposition_between_speaker_and_cue),
      cmocka_unit_test(party_tags_do_not_end_the_sentence),
      cmocka_unit_test(colon_lead_in_paragraph),
      cmocka_unit_test(passive_and_participle_cues),
      cmocka_unit_test(label_inside_a_reported_clause),
      cmocka_unit_test(trailing_dash_line),
      cmocka_unit_test(running_quote_keeps_its_speaker),
      cmocka_unit_test(pronouns_resolve_to_the_speaker),
      cmocka_unit_test(descriptions_resolve_by_role_and_nationality),
      cmocka_unit_test(organisations_speak),
      cmocka_unit_test(no_speaker_is_guessed),
      cmocka_unit_test(pronouns_agree_in_gender),
      cmocka_unit_test(relative_pronoun_speakers),
      cmocka_unit_test(sentence_opening_speakers),
      cmocka_unit_test(descriptions_refer_back),
      cmocka_unit_test(cue_and_subject_shapes),
      cmocka_unit_test(documents_and_retorts),
      cmocka_unit_test(labels_and_passives),
      cmocka_unit_test(reported_speech),
      cmocka_unit_test(reported_subjects_and_stances),
      cmocka_unit_test(reported_statement_boundaries),
      cmocka_unit_test(reported_subjects_more),
      cmocka_unit_test(reported_cues_more),
      cmocka_unit_test(direct_speakers_more),
      cmocka_unit_test(reported_statement_ends),
      cmocka_unit_test(reported_statements_end_on_a_full_phrase),
      cmocka_unit_test(headlines_capitalize_the_cue),
      cmocka_unit_test(cue_lexicon),
      cmocka_unit_test(partial_quotations_after_naming),
      cmocka_unit_test(partial_quotations_inside_reported_speech),
      cmocka_unit_test(titles_opening_a_sentence),
      cmocka_unit_test(partial_quote_with_trailing_source),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
