<1. >
VN  - Ovid Technologies
DB  - Ovid MEDLINE(R)
UI  - 27000001
TI  - Yoga for back pain.
SO  - Spine Examples. 30(2):100-110, 2016 Jan.
AU  - Patel R.
AU  - Jones M.A.
AB  - Yoga helped some
      patients.
MH  - *Low Back Pain
DO  - http://dx.doi.org/10.5555/yoga.2016
YR  - 2016

<2. >
VN  - Ovid Technologies
DB  - Embase
UI  - 620000001
TI  - Conference abstract only.
SO  - Conf Ex. Date of Publication: 2018.
