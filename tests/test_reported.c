/* test_reported.c - reported (indirect) speech: which clause a cue
 * reports, where the statement ends, and who is named as its source.
 * Each fixture is a sentence composed for the test: text in, the
 * reported span covering a phrase and its speaker mention out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "whosaid.h"

static int covers(const run *r, const ws_quote *q, const char *phrase) {
  const char *at = strstr(r->v.text, phrase);
  assert_non_null(at);
  uint32_t s = (uint32_t)(at - r->v.text);
  return q->start <= s && s < q->end;
}

/* Asserts the quote covering `phrase`: its kind, its speaker mention (NULL:
 * none), a word of the speaker's name (NULL: not checked), and a phrase it
 * must not reach into (NULL: not checked). */
static void expect(const char *text, const char *phrase, ws_quote_kind kind,
                   const char *mention, const char *name_part,
                   const char *not_covered) {
  run r;
  extract(&r, text);
  const ws_quote *q = quote_with(&r, phrase);
  if (!q)
    fail_msg("no quote covers \"%s\"", phrase);
  assert_int_equal(q->kind, kind);
  if (!mention) {
    assert_int_equal(q->speaker_end, q->speaker_start);
  } else {
    assert_string_equal(mention_text(&r, q), mention);
    const char *name =
        q->speaker >= 0 ? r.v.entities[q->speaker].name : "(none)";
    if (name_part && !strstr(name, name_part))
      fail_msg("speaker \"%s\" lacks \"%s\"", name, name_part);
  }
  if (not_covered && covers(&r, q, not_covered))
    fail_msg("the quote covering \"%s\" runs into \"%s\"", phrase,
             not_covered);
  ws_doc_free(r.doc);
}

/* Asserts that no quote covers the phrase. */
static void expect_none(const char *text, const char *phrase) {
  run r;
  extract(&r, text);
  if (quote_with(&r, phrase))
    fail_msg("a quote covers \"%s\"", phrase);
  ws_doc_free(r.doc);
}

#define R WS_QUOTE_REPORTED
#define D WS_QUOTE_DIRECT

/* "praised A and urged B": two statements, each its own content. */
static void coordinated_cues_are_two_statements(void **state) {
  (void)state;
  const char *t = "The mayor praised the new harbour plan and urged the "
                  "council to approve it quickly.";
  expect(t, "the new harbour plan", R, "The mayor", NULL, "urged");
  expect(t, "to approve it quickly", R, "The mayor", NULL, NULL);
}

/* A later statement with its own speaker ends the earlier one, also when
 * the speaker's phrase is longer than the mention found for it. */
static void a_new_speaker_ends_the_statement(void **state) {
  (void)state;
  const char *t = "Anna Berg said the harbour plan was too costly and the "
                  "mayor of the town replied that it would pay for itself.";
  expect(t, "the harbour plan was too costly", R, "Anna Berg", "Berg",
         "mayor");
  run r;
  extract(&r, t);
  const ws_quote *q = quote_with(&r, "it would pay for itself");
  assert_non_null(q);
  assert_int_equal(q->kind, R);
  assert_false(covers(&r, q, "costly"));
  ws_doc_free(r.doc);
}

/* seems / appears / is expected to: reported with no source. */
static void impressions_have_no_source(void **state) {
  (void)state;
  expect("The new bridge appears to be safe for heavy trucks.",
         "to be safe for heavy trucks", R, NULL, NULL, NULL);
  expect("The old ferry seemed unusually slow on Tuesday.",
         "unusually slow", R, NULL, NULL, NULL);
  expect("The council is widely expected to vote on the plan next week.",
         "to vote on the plan", R, NULL, NULL, NULL);
  expect("The harbour ferry is reportedly losing money every month.",
         "losing money every month", R, NULL, NULL, NULL);
  expect("The old mayor is widely seen as a friend of the fishermen.",
         "a friend of the fishermen", R, NULL, NULL, NULL);
  /* the physical sense reports nothing */
  expect_none("The minister appeared on television on Monday.",
              "on television");
  expect_none("The singer appeared at the harbour festival.",
              "the harbour festival");
  /* "expected" without be and an infinitive is no impression */
  expect_none("Turnout was higher than expected in the northern towns.",
              "the northern towns");
}

/* A noun of stance reports its object; the holder is named when a
 * possessor opens the clause, not when the phrase is someone's object
 * or has no possessor. */
static void stance_nouns_with_a_possessor(void **state) {
  (void)state;
  expect("Lena Berg's support for the harbour plan surprised the council.",
         "the harbour plan", R, "Lena Berg", "Berg", NULL);
  const char *t = "The council criticised Lena Berg's plan to close the "
                  "harbour.";
  run r;
  extract(&r, t);
  int nominal = 0;
  for (size_t i = 0; i < r.v.n_quotes; i++) {
    const ws_quote *q = &r.v.quotes[i];
    if (q->kind == R && q->cue_end - q->cue_start == 4 &&
        !memcmp(r.v.text + q->cue_start, "plan", 4)) {
      nominal = 1;
      assert_int_equal(q->speaker_end, q->speaker_start);
    }
  }
  assert_true(nominal);
  ws_doc_free(r.doc);
  /* without a possessor the stance is reported but no holder named */
  expect("Fishermen voiced support for the harbour plan on Monday.",
         "the harbour plan", R, NULL, NULL, NULL);
  /* a noun of no stance reports nothing */
  expect_none("The road to the harbour was closed.", "the harbour");
}

/* "police said", "expert says": a bare noun before the verb. */
static void bare_noun_subjects(void **state) {
  (void)state;
  expect("The bridge will close in May for repairs, police said.",
         "The bridge will close in May", R, "police", NULL, NULL);
}

/* "told the radio station her party would ...": the listener stops
 * before the reported clause. */
static void listener_after_told(void **state) {
  (void)state;
  expect("Anna Berg told the radio station her party would back the plan.",
         "her party would back the plan", R, "Anna Berg", "Berg",
         "radio station");
  expect("Anna Berg told the Harbour Gazette of Tromso last week she would "
         "stand again.",
         "she would stand again", R, "Anna Berg", "Berg", "Gazette");
}

/* according to / as X reported / as reported by X / asked about. */
static void sources_in_adverbials(void **state) {
  (void)state;
  expect("In addition, according to the ministry, nine bridges will close "
         "next year.",
         "nine bridges will close", R, "the ministry", NULL, "addition");
  expect("As reported by the local paper, the mayor will resign in June.",
         "the mayor will resign in June", R, "the local paper", NULL,
         NULL);
  expect("Last week, as the Harbour Times reported on Monday, the mayor "
         "sold her boat to a rival.",
         "the mayor sold her boat", R, "Harbour Times", NULL, NULL);
  expect("Asked on the radio about the closure, the mayor said little.",
         "the closure", R, NULL, NULL, "radio");
  expect("As stated in the harbour report, the pier needs new piles.",
         "the pier needs new piles", R, "the harbour report", NULL, NULL);
}

/* "The mayor added:" closing a paragraph, the words following in the
 * next one without marks: that paragraph is the statement. */
static void lead_in_colon_before_a_paragraph(void **state) {
  (void)state;
  expect("The ferry will stop in May, officials said.\n\n"
         "The mayor added:\n\n"
         "We cannot pay for a ferry that nobody uses.\n\n"
         "The council meets next week.\n",
         "We cannot pay for a ferry", R, "The mayor", NULL,
         "council meets");
}

/* A headline opening with its source and a colon reports the rest; a
 * label of the page does not. */
static void headline_sources(void **state) {
  (void)state;
  expect("Harbour Poll: Ferry Will Run All Winter\n\nThe poll asked 500 "
         "people.\n",
         "Ferry Will Run All Winter", R, "Harbour Poll", NULL, NULL);
  expect_none("The pier opened in May.\n\nContributing: Lena Berg and "
              "Tomas Vik.\n",
              "Lena Berg and");
}

/* The turns of a quoted transcript are quotes of their own, each the
 * labelled speaker's. */
static void transcript_turns(void **state) {
  (void)state;
  const char *t = "Mike Pence spoke to Chris Wallace on Sunday.\n\n"
                  "\"WALLACE: Where were you on the night of the vote?\n\n"
                  "\"PENCE: I was at home with my family.\n\n"
                  "\"WALLACE: Thank you.\"\n";
  expect(t, "I was at home", D, "PENCE", "Pence", "Where were you");
  expect(t, "Where were you", D, "WALLACE", "Wallace", NULL);
}

/* "is calling for", "was saying that": the progressive is no passive,
 * and its subject is the auxiliary's. */
static void progressive_forms(void **state) {
  (void)state;
  expect("In the town hall, Lena Berg is defending her plan for the "
         "harbour.",
         "her plan for the harbour", R, "Lena Berg", "Berg", NULL);
  expect("The mayor was saying that the bridge is safe.",
         "the bridge is safe", R, "The mayor", NULL, NULL);
}

/* A passive names no source, but its that- or to-clause is reported;
 * a plain passive ("was called for") reports nothing. */
static void passives_report_with_no_source(void **state) {
  (void)state;
  expect("It was reported that the ferry will stop running in May.",
         "the ferry will stop running", R, NULL, NULL, NULL);
  expect_none("The seat was called for the challenger late at night.",
              "the challenger");
  /* the agent of a passive is the source */
  expect("The ferry plan was rejected by the harbour council on Monday.",
         "The ferry plan", R, "the harbour council", NULL, "Monday");
  expect("Lena Berg was told by her aides that the vote was lost.",
         "the vote was lost", R, "her aides", NULL, NULL);
}

/* A that-clause after a verb of saying is reported even where no
 * subject reads, and past a parenthesis between commas. */
static void that_clauses_without_a_subject(void **state) {
  (void)state;
  expect("Having announced that the bridge would close, the council left.",
         "the bridge would close", R, NULL, NULL, "the council left");
  expect("Lena Berg believes, for example, that ferries should be free.",
         "ferries should be free", R, "Lena Berg", "Berg", "example");
  expect("Anna Berg said that, in the long run, tolls will fall.",
         "tolls will fall", R, "Anna Berg", "Berg", NULL);
  /* an adjective of belief: the copula's subject holds it */
  expect("Lena Berg is increasingly confident that the ferry will return.",
         "the ferry will return", R, "Lena Berg", "Berg", NULL);
}

/* Verbs of preference, attention and decision report their object,
 * with the subject as holder; their noun readings report nothing. */
static void stance_verbs(void **state) {
  (void)state;
  expect("Most fishermen favored the northern route, the survey found.",
         "the northern route", R, "Most fishermen", NULL, "survey");
  expect("Lena Berg voted against the harbour budget in March.",
         "the harbour budget", R, "Lena Berg", "Berg", NULL);
  expect("The mayor responded to the critics with a long letter.",
         "the critics", R, "The mayor", NULL, NULL);
  expect("Anna Berg sees the toll as a tax on the poor.",
         "the toll as a tax", R, "Anna Berg", "Berg", NULL);
  /* an undertaking in an infinitive */
  expect("The dockers threatened to strike before the summer.",
         "to strike before the summer", R, "The dockers", NULL, NULL);
  expect("Lena Berg would like to see a second pier.",
         "to see a second pier", R, "Lena Berg", "Berg", NULL);
  expect("The fishermen are willing to pay a higher toll.",
         "to pay a higher toll", R, "The fishermen", NULL, NULL);
  /* with no subject read, the stance is reported with no holder */
  expect("Backing the harbour plan was easy for the council.",
         "the harbour plan", R, NULL, NULL, NULL);
  expect_none("The vote for the harbour budget was close.",
              "the harbour budget");
  expect_none("Her comments on the harbour budget were brief.",
              "the harbour budget");
}

/* An indirect question after a preposition of topic is reported, once
 * even when a verb of saying reads it too. */
static void questions_after_about_on_over(void **state) {
  (void)state;
  expect("The council is split on whether the ferry should run in winter.",
         "the ferry should run in winter", R, NULL, NULL, NULL);
  run r;
  extract(&r, "Lena Berg talked about how the harbour was rebuilt.");
  int n = 0;
  for (size_t i = 0; i < r.v.n_quotes; i++)
    n += r.v.quotes[i].kind == R;
  assert_int_equal(n, 1);
  ws_doc_free(r.doc);
  expect("Lena Berg talked about how the harbour was rebuilt.",
         "the harbour was rebuilt", R, "Lena Berg", "Berg", NULL);
  expect("After talking about the harbour budget, the council left.",
         "the harbour budget", R, NULL, NULL, "the council left");
}

/* A clause that opens in the reporter's words and runs into a quotation
 * is a mixed quotation: the whole clause is the reported statement. */
static void mixed_quotations(void **state) {
  (void)state;
  expect("Lena Vik said it was \"a fine plan for the whole town.\" She left.",
         "it was \"a fine plan", R, "Lena Vik", "Vik", "She left");
}

/* A base form of a verb of saying before "that" is a verb even after a
 * word that cannot be its subject; the subject is then not read. */
static void base_form_cue_before_that(void **state) {
  (void)state;
  expect("Critics of the plan say that the new rules will only raise tension.",
         "the new rules will only raise tension", R, NULL, NULL, "say that");
  expect("Those close to him say that the ferry will stop in May.",
         "the ferry will stop in May", R, NULL, NULL, NULL);
  expect("Critics of the plan say they will sue the council in May.",
         "they will sue the council", R, NULL, NULL, NULL);
}

/* Two statements of one holder, coordinated, are two contents. */
static void same_holder_second_predicate(void **state) {
  (void)state;
  expect("Lena Vik hailed the long streak of job growth, challenging rivals "
         "to prove her wrong.",
         "the long streak of job growth", R, "Lena Vik", "Vik", "challenging");
}

/* A short answer after a verb of saying is a statement; a phrase of
 * time or manner closing the sentence is not, nor is an elliptical
 * question (elliptical_questions_are_no_statements). */
static void short_answers(void **state) {
  (void)state;
  expect("Most voters said the same.", "the same", R, "Most voters", NULL,
         NULL);
  expect("Lena Vik was asked about the new ferry. She said yes.", "yes", R,
         "She", NULL, NULL);
  expect_none("The ferry will run again, Lena Vik said this week.",
              "this week");
  expect_none("The ferry will run again, Lena Vik said sarcastically.",
              "sarcastically");
}

/* A noun of saying before a copula names a statement: "the argument is
 * that ...", "the question is whether ..."; other nouns do not. */
static void copula_after_a_noun_of_saying(void **state) {
  (void)state;
  expect("The mayor's main argument is that the pier costs too much.",
         "the pier costs too much", R, NULL, NULL, "argument is");
  expect("The question now is whether the ferry can run in winter.",
         "the ferry can run in winter", R, NULL, NULL, NULL);
  expect_none("The trouble with the old pier is that the wood is rotten.",
              "the wood is rotten");
}

/* A base form of a verb of stance after a plural subject is a verb:
 * "farmers favor the plan", "developers see the land as wasted". */
static void stance_base_forms_after_plurals(void **state) {
  (void)state;
  expect("Local farmers favor the new ferry plan.", "the new ferry plan", R,
         "Local farmers", NULL, NULL);
  expect_none("The council took a vote for the ferry plan.", "the ferry plan");
}

/* A noun of thought with a that-clause opening on its subject names a
 * statement with no holder; a relative "that" does not. */
static void nouns_of_thought(void **state) {
  (void)state;
  expect("There is no evidence that the mayor knew about the leak.",
         "the mayor knew about the leak", R, NULL, NULL, "evidence");
  expect_none("The evidence that came from the old pier was lost.",
              "came from the old pier");
}

/* "it is not clear whether ...", "remain confident that ...", "leaders
 * willing to ...": adjectives of certainty and will beyond "be". */
static void adjectives_of_certainty_and_will(void **state) {
  (void)state;
  expect("It is not clear whether the ferry will run in winter.",
         "the ferry will run in winter", R, NULL, NULL, "clear");
  expect("The fishermen remain confident that the harbour will reopen.",
         "the harbour will reopen", R, "The fishermen", NULL, "confident");
  expect("The town needs leaders willing to rebuild the old pier.",
         "to rebuild the old pier", R, NULL, NULL, "willing");
  expect_none("The water was clear and cold.", "and cold");
  expect("The mayor was critical of the new harbour fees.",
         "the new harbour fees", R, "The mayor", NULL, "critical");
  expect("Voters wary of the ferry plan stayed home.", "the ferry plan", R,
         NULL, NULL, "wary");
}

/* "supporters of the plan": a person named by a stance holds it toward
 * the object of the preposition. */
static void persons_of_stance(void **state) {
  (void)state;
  expect("Supporters of the harbour plan, who met on Monday, cheered.",
         "the harbour plan", R, NULL, NULL, "who met");
  expect_none("The critics of the town had left by noon.", "had left");
  expect("Lena Vik's remarks about the ferry fees angered the council.",
         "the ferry fees", R, "Lena Vik", "Vik", NULL);
}

/* Phrasal verbs with "out": "laid out a plan", "spoke out against". */
static void phrasal_verbs_with_out(void **state) {
  (void)state;
  expect("Lena Vik laid out a plan for the harbour.", "a plan for the harbour",
         R, "Lena Vik", "Vik", NULL);
  expect("The fishermen spoke out against the new fees.", "the new fees", R,
         "The fishermen", NULL, NULL);
  expect_none("The boat set out for the island.", "the island");
}

/* "Vik to Harbour Council: ...": a headline source with its listener or
 * place before the colon. */
static void headline_source_with_a_listener(void **state) {
  (void)state;
  expect("Lena Vik to Harbour Council: Fix the Pier Before Winter\n\nThe "
         "mayor wrote to the council on Monday.",
         "Fix the Pier Before Winter", R, "Lena Vik", "Vik", NULL);
}

/* "its critics should not think ...": a belief prescribed by a modal of
 * obligation is part of the speaker's statement, not a belief of the
 * critics reported on its own. */
static void prescribed_beliefs_are_no_statements(void **state) {
  (void)state;
  const char *t = "Lena Varga said the harbour cannot be sold and its "
                  "critics should not think they can stop the plan.";
  expect(t, "they can stop the plan", R, "Lena Varga", "Varga", NULL);
  expect(t, "the harbour cannot be sold", R, "Lena Varga", "Varga", NULL);
  expect("You must never believe the rumours are true, Tomas Berg told "
         "the council.",
         "the rumours are true", R, "Tomas Berg", "Berg", NULL);
  /* a belief that is held, negated or not, is still reported */
  expect("The farmers do not think the new dam will hold.",
         "the new dam will hold", R, "The farmers", NULL, NULL);
}

/* An elliptical question after a cue ("without saying how many") is
 * no statement of its own; the clause it hangs on still is. */
static void elliptical_questions_are_no_statements(void **state) {
  (void)state;
  const char *texts[] = {
      "Lena Varga said the ferries would run again, without saying when.",
      "The council said some of the piers would close but would not say "
      "how many.",
      "Tomas Berg confirmed the harbour was sold and declined to say why.",
  };
  const char *asked[] = {"when.", "how many.", "why."};
  for (size_t k = 0; k < 3; k++) {
    run r;
    extract(&r, texts[k]);
    uint32_t at = (uint32_t)(strstr(texts[k], asked[k]) - texts[k]);
    for (size_t i = 0; i < r.v.n_quotes; i++)
      if (r.v.quotes[i].start == at)
        fail_msg("\"%s\" is a statement in: %s", asked[k], texts[k]);
    ws_doc_free(r.doc);
  }
  expect(texts[0], "the ferries would run again", R, "Lena Varga", "Varga",
         NULL);
}

/* A verb of judgement takes its object as the content of the stance. */
static void judgement_verbs(void **state) {
  (void)state;
  expect("Lena Berg criticized the new harbour toll in March.",
         "the new harbour toll", R, "Lena Berg", "Berg", NULL);
  expect("The fishermen opposed the northern pier at the meeting.",
         "the northern pier", R, "The fishermen", NULL, NULL);
  expect("Tomas Varga downplayed the cost of the bridge.",
         "the cost of the bridge", R, "Tomas Varga", "Varga", NULL);
  /* a noun after an article is no verb */
  expect_none("The supports of the old pier were rotten.", "the old pier");
  /* the topic of talk */
  expect("Nora Lind talks about the ferry timetable on the radio.",
         "the ferry timetable", R, "Nora Lind", "Lind", NULL);
  /* what is asked for */
  expect("The dockers are pushing for a shorter week.", "a shorter week", R,
         "The dockers", NULL, NULL);
  expect("Tomas Varga is in favor of the northern pier.",
         "the northern pier", R, "Tomas Varga", "Varga", NULL);
  /* the nouns of such judgements, with a possessor */
  expect("Lena Berg's critique of the ferry plan was sharp.", "the ferry plan",
         R, "Lena Berg", "Berg", NULL);
  expect("Tomas Varga's anger about the new toll was plain.",
         "the new toll", R, "Tomas Varga", "Varga", NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(coordinated_cues_are_two_statements),
      cmocka_unit_test(mixed_quotations),
      cmocka_unit_test(headline_source_with_a_listener),
      cmocka_unit_test(phrasal_verbs_with_out),
      cmocka_unit_test(persons_of_stance),
      cmocka_unit_test(adjectives_of_certainty_and_will),
      cmocka_unit_test(nouns_of_thought),
      cmocka_unit_test(stance_base_forms_after_plurals),
      cmocka_unit_test(copula_after_a_noun_of_saying),
      cmocka_unit_test(short_answers),
      cmocka_unit_test(base_form_cue_before_that),
      cmocka_unit_test(same_holder_second_predicate),
      cmocka_unit_test(a_new_speaker_ends_the_statement),
      cmocka_unit_test(impressions_have_no_source),
      cmocka_unit_test(stance_nouns_with_a_possessor),
      cmocka_unit_test(bare_noun_subjects),
      cmocka_unit_test(listener_after_told),
      cmocka_unit_test(sources_in_adverbials),
      cmocka_unit_test(transcript_turns),
      cmocka_unit_test(headline_sources),
      cmocka_unit_test(progressive_forms),
      cmocka_unit_test(passives_report_with_no_source),
      cmocka_unit_test(that_clauses_without_a_subject),
      cmocka_unit_test(stance_verbs),
      cmocka_unit_test(lead_in_colon_before_a_paragraph),
      cmocka_unit_test(questions_after_about_on_over),
      cmocka_unit_test(prescribed_beliefs_are_no_statements),
      cmocka_unit_test(elliptical_questions_are_no_statements),
      cmocka_unit_test(judgement_verbs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
