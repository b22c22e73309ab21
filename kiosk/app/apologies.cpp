// apologies.cpp — see apologies.h. Short, plain sentences; set in the fallback font (DejaVu Sans,
// which covers Latin, Greek and Cyrillic).
#include "kiosk/app/apologies.h"

namespace app {

namespace {

const Apology kApologies[] = {
    {"de", "Diese Ausstellung ist im Moment nicht verf\xC3\xBC" "gbar.", "Bitte versuchen Sie es in ein paar Minuten erneut."},
    {"en", "This exhibit is not available right now.", "Please try again in a few minutes."},
    {"es", "Esta exhibici\xC3\xB3n no est\xC3\xA1 disponible por el momento.", "Vuelva a intentarlo en unos minutos."},
    {"fr", "Cette exposition n\xE2\x80\x99" "est pas disponible pour le moment.", "Veuillez r\xC3\xA9" "essayer dans quelques minutes."},
    {"it", "Questa mostra non \xC3\xA8 disponibile al momento.", "Riprovate tra qualche minuto."},
    {"pl", "Ta wystawa jest w tej chwili niedost\xC4\x99pna.", "Prosimy spr\xC3\xB3" "bowa\xC4\x87 ponownie za kilka minut."},
    {"pt", "Esta exposi\xC3\xA7\xC3\xA3o n\xC3\xA3o est\xC3\xA1 dispon\xC3\xADvel no momento.", "Tente novamente dentro de alguns minutos."},
};

}  // namespace

const Apology* apology(const std::string& lang) {
  for (const auto& a : kApologies)
    if (lang == a.lang) return &a;
  return nullptr;
}

std::string apology_languages() {
  std::string s;
  for (const auto& a : kApologies) s += (s.empty() ? "" : ", ") + std::string(a.lang);
  return s;
}

}  // namespace app
